package dev.realtime.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import dev.realtime.engine.EngineMessage;
import dev.realtime.protocol.Packet;

/**
 * The adapter of a single node: rooms in memory, broadcasts to the sockets connected here. A broadcast is encoded
 * once and the same messages go to every recipient.
 */
public class InMemoryAdapter implements Adapter {

	private final AdapterNamespace namespace;

	private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> socketRooms = new ConcurrentHashMap<>();

	public InMemoryAdapter(AdapterNamespace namespace) {
		this.namespace = namespace;
	}

	protected AdapterNamespace namespace() {
		return this.namespace;
	}

	@Override
	public void addAll(String socketId, Set<String> rooms) {
		Set<String> joined = this.socketRooms.computeIfAbsent(socketId, (id) -> ConcurrentHashMap.newKeySet());
		for (String room : rooms) {
			boolean added = joined.add(room);
			this.rooms.computeIfAbsent(room, (name) -> ConcurrentHashMap.newKeySet()).add(socketId);
			if (added) {
				this.namespace.joined(socketId, room);
			}
		}
	}

	@Override
	public void del(String socketId, String room) {
		Set<String> joined = this.socketRooms.get(socketId);
		boolean removed = joined != null && joined.remove(room);
		removeFromRoom(socketId, room);
		if (removed) {
			this.namespace.left(socketId, room);
		}
	}

	@Override
	public void delAll(String socketId) {
		Set<String> joined = this.socketRooms.remove(socketId);
		if (joined != null) {
			joined.forEach((room) -> {
				removeFromRoom(socketId, room);
				this.namespace.left(socketId, room);
			});
		}
	}

	private void removeFromRoom(String socketId, String room) {
		this.rooms.computeIfPresent(room, (name, members) -> {
			members.remove(socketId);
			return members.isEmpty() ? null : members;
		});
	}

	@Override
	public Set<String> socketRooms(String socketId) {
		Set<String> joined = this.socketRooms.get(socketId);
		return (joined != null) ? Set.copyOf(joined) : Set.of();
	}

	@Override
	public Set<String> sockets(Set<String> rooms) {
		Set<String> ids = new HashSet<>();
		forEachRecipient(new BroadcastOptions(rooms, Set.of(), true), (socket) -> ids.add(socket.id()));
		return ids;
	}

	@Override
	public void broadcast(Packet packet, BroadcastOptions options) {
		Encoded encoded = new Encoded(packet);
		forEachRecipient(options, (socket) -> {
			if (!options.isVolatile() || socket.isWritable()) {
				socket.deliver(packet, encoded.messages(), options.sender());
			}
		});
	}

	@Override
	public void broadcastWithAck(Packet packet, BroadcastOptions options, IntConsumer clientCount,
			Consumer<List<Object>> ack) {
		Encoded encoded = new Encoded(packet);
		long id = packet.id();
		int[] count = { 0 };
		forEachRecipient(options, (socket) -> {
			socket.expectAck(id, ack);
			socket.deliver(packet, encoded.messages(), options.sender());
			count[0]++;
		});
		clientCount.accept(count[0]);
	}

	@Override
	public CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
		List<SocketDetails> found = new ArrayList<>();
		forEachRecipient(options, (socket) -> found.add(socket.details()));
		return CompletableFuture.completedFuture(found);
	}

	@Override
	public void addSockets(BroadcastOptions options, Set<String> rooms) {
		forEachRecipient(options, (socket) -> addAll(socket.id(), rooms));
	}

	@Override
	public void delSockets(BroadcastOptions options, Set<String> rooms) {
		forEachRecipient(options, (socket) -> rooms.forEach((room) -> del(socket.id(), room)));
	}

	@Override
	public void disconnectSockets(BroadcastOptions options, boolean close) {
		List<LocalSocket> found = new ArrayList<>();
		forEachRecipient(options, found::add);
		found.forEach((socket) -> socket.disconnect(close));
	}

	@Override
	public CompletableFuture<Integer> serverCount() {
		return CompletableFuture.completedFuture(1);
	}

	/** The rooms that have members on this node. */
	protected Set<String> rooms() {
		return Set.copyOf(this.rooms.keySet());
	}

	/** Whether a room has members on this node. */
	protected boolean hasRoom(String room) {
		return this.rooms.containsKey(room);
	}

	/** Calls the action once for every local socket the options reach. */
	protected void forEachRecipient(BroadcastOptions options, Consumer<LocalSocket> action) {
		Set<String> excluded = excludedSockets(options.except());
		Collection<String> candidates = options.rooms().isEmpty() ? this.socketRooms.keySet()
				: socketsInRooms(options.rooms());
		for (String id : candidates) {
			if (excluded.contains(id)) {
				continue;
			}
			LocalSocket socket = this.namespace.localSocket(id);
			if (socket != null) {
				action.accept(socket);
			}
		}
	}

	private Collection<String> socketsInRooms(Set<String> rooms) {
		if (rooms.size() == 1) {
			Set<String> members = this.rooms.get(rooms.iterator().next());
			return (members != null) ? members : Set.of();
		}
		Set<String> ids = new HashSet<>();
		for (String room : rooms) {
			Set<String> members = this.rooms.get(room);
			if (members != null) {
				ids.addAll(members);
			}
		}
		return ids;
	}

	private Set<String> excludedSockets(Set<String> except) {
		return except.isEmpty() ? Set.of() : new HashSet<>(socketsInRooms(except));
	}

	/** Encodes on first use, so a broadcast that reaches nobody costs no encoding. */
	private final class Encoded {

		private final Packet packet;

		private @Nullable List<EngineMessage> messages;

		Encoded(Packet packet) {
			this.packet = packet;
		}

		List<EngineMessage> messages() {
			if (this.messages == null) {
				this.messages = InMemoryAdapter.this.namespace.encode(this.packet);
			}
			return this.messages;
		}

	}

}
