package dev.realtime.adapter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.realtime.engine.EngineMessage;
import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketType;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryAdapterTests {

	private final FakeNamespace namespace = new FakeNamespace();

	private final InMemoryAdapter adapter = new InMemoryAdapter(this.namespace);

	@BeforeEach
	void sockets() {
		for (String id : List.of("a", "b", "c")) {
			this.namespace.sockets.put(id, new FakeSocket(id));
			this.adapter.addAll(id, Set.of(id));
		}
		this.adapter.addAll("a", Set.of("red", "blue"));
		this.adapter.addAll("b", Set.of("red"));
	}

	@Test
	void broadcastsToRoomsLessExceptsAndEncodesOnce() {
		this.adapter.broadcast(event(), new BroadcastOptions(Set.of("red", "blue"), Set.of("b"), false));
		assertThat(received()).containsExactly("a");
		assertThat(this.namespace.encodings.get()).isEqualTo(1);

		this.adapter.broadcast(event(), BroadcastOptions.ALL);
		assertThat(received()).containsExactlyInAnyOrder("a", "b", "c");
		assertThat(this.namespace.encodings.get()).isEqualTo(2);
	}

	@Test
	void volatileBroadcastSkipsSocketsThatCannotTakeItAtOnce() {
		((FakeSocket) this.namespace.sockets.get("b")).writable = false;
		this.adapter.broadcast(event(), new BroadcastOptions(Set.of(), Set.of(), false, null, true));
		assertThat(received()).containsExactlyInAnyOrder("a", "c");
		this.adapter.broadcast(event(), BroadcastOptions.ALL);
		assertThat(received()).containsExactlyInAnyOrder("a", "b", "c");
	}

	@Test
	void doesNotEncodeWhenNobodyIsReached() {
		this.adapter.broadcast(event(), new BroadcastOptions(Set.of("empty"), Set.of(), false));
		assertThat(this.namespace.encodings.get()).isZero();
	}

	@Test
	void tracksRoomsAndForgetsEmptyOnes() {
		assertThat(this.adapter.socketRooms("a")).containsExactlyInAnyOrder("a", "red", "blue");
		assertThat(this.adapter.sockets(Set.of("red"))).containsExactlyInAnyOrder("a", "b");
		this.adapter.del("a", "red");
		this.adapter.delAll("b");
		assertThat(this.adapter.sockets(Set.of("red"))).isEmpty();
		assertThat(this.adapter.socketRooms("b")).isEmpty();
		assertThat(this.adapter.sockets(Set.of())).containsExactlyInAnyOrder("a", "c");
	}

	@Test
	void movesAndDisconnectsTheSocketsItReaches() {
		this.adapter.addSockets(new BroadcastOptions(Set.of("red"), Set.of(), false), Set.of("green"));
		assertThat(this.adapter.sockets(Set.of("green"))).containsExactlyInAnyOrder("a", "b");
		this.adapter.delSockets(new BroadcastOptions(Set.of("a"), Set.of(), false), Set.of("green"));
		assertThat(this.adapter.sockets(Set.of("green"))).containsExactly("b");
		this.adapter.disconnectSockets(new BroadcastOptions(Set.of("green"), Set.of(), false), true);
		assertThat(this.namespace.socket("b").closed).isTrue();
		assertThat(this.namespace.socket("a").closed).isNull();
	}

	@Test
	void countsClientsAndRoutesTheirAcks() {
		List<Integer> counts = new ArrayList<>();
		List<List<Object>> acks = new ArrayList<>();
		this.adapter.broadcastWithAck(new Packet(PacketType.EVENT, "/", 7L, List.of("q")),
				new BroadcastOptions(Set.of("red"), Set.of(), false), counts::add, acks::add);
		assertThat(counts).containsExactly(2);
		this.namespace.socket("a").acks.get(7L).accept(List.of("yes"));
		assertThat(acks).containsExactly(List.of("yes"));
	}

	@Test
	void fetchesTheDetailsOfTheSocketsItReaches() {
		assertThat(this.adapter.fetchSockets(new BroadcastOptions(Set.of("red"), Set.of("a"), false)).join())
			.extracting(SocketDetails::id)
			.containsExactly("b");
	}

	private List<String> received() {
		List<String> ids = new ArrayList<>();
		this.namespace.sockets.values().forEach((socket) -> {
			if (socket.delivered > 0) {
				ids.add(socket.id);
			}
			socket.delivered = 0;
		});
		return ids;
	}

	private static Packet event() {
		return Packet.event("/", null, List.of("news", 1));
	}

	static final class FakeNamespace implements AdapterNamespace {

		final Map<String, FakeSocket> sockets = new HashMap<>();

		final AtomicInteger encodings = new AtomicInteger();

		@Override
		public String name() {
			return "/";
		}

		@Override
		public long nextAckId() {
			return 0;
		}

		@Override
		public @Nullable LocalSocket localSocket(String id) {
			return this.sockets.get(id);
		}

		FakeSocket socket(String id) {
			return this.sockets.get(id);
		}

		@Override
		public List<EngineMessage> encode(Packet packet) {
			this.encodings.incrementAndGet();
			return List.of(EngineMessage.text("encoded"));
		}

	}

	static final class FakeSocket implements LocalSocket {

		final String id;

		final Map<Long, Consumer<List<Object>>> acks = new HashMap<>();

		int delivered;

		boolean writable = true;

		@Nullable Boolean closed;

		FakeSocket(String id) {
			this.id = id;
		}

		@Override
		public String id() {
			return this.id;
		}

		@Override
		public void deliver(Packet packet, List<EngineMessage> encoded, @Nullable String senderId) {
			this.delivered++;
		}

		@Override
		public boolean isWritable() {
			return this.writable;
		}

		@Override
		public void expectAck(long id, Consumer<List<Object>> callback) {
			this.acks.put(id, callback);
		}

		@Override
		public void disconnect(boolean close) {
			this.closed = close;
		}

		@Override
		public SocketDetails details() {
			return new SocketDetails(this.id, Set.of(), Map.of(), Map.of());
		}

	}

}
