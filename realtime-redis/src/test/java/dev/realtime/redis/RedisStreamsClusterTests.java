package dev.realtime.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.socket.client.Ack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.realtime.adapter.Adapter;
import dev.realtime.adapter.RecoverableSession;
import dev.realtime.adapter.RestoredSession;
import dev.realtime.server.RemoteSocket;
import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Spring nodes in one JVM on the Redis Streams adapter, sharing the tests' Redis under a stream of their own,
 * with connection state recovery: broadcasts, rooms and requests across them, and the official JavaScript client
 * losing its connection to one node and recovering on the other.
 */
class RedisStreamsClusterTests {

	private static final String PREFIX = "realtime-streams-" + UUID.randomUUID();

	private static ClusterNode a;

	private static ClusterNode b;

	private static RecoveryFixture fixture;

	private JavaClient onA;

	private JavaClient onB;

	@BeforeAll
	static void startNodes() throws Exception {
		int redisPort = TestRedis.shared().port();
		a = ClusterNode.startOnStreams(PREFIX, redisPort);
		b = ClusterNode.startOnStreams(PREFIX, redisPort);
		a.awaitNodes(2);
		b.awaitNodes(2);
		fixture = RecoveryFixture.on(a.server(), b.server());
	}

	@AfterAll
	static void stopNodes() {
		List.of(a, b).forEach(ClusterNode::close);
	}

	@AfterEach
	void closeClients() {
		for (JavaClient client : new JavaClient[] { this.onA, this.onB }) {
			if (client != null) {
				client.close();
			}
		}
	}

	private void connectClients() {
		this.onA = JavaClient.connect(a.port(), "/", Map.of(), "websocket").awaitConnect();
		this.onB = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect();
	}

	@Test
	void broadcastsAndRoomsReachTheSocketsOfBothNodesOnceInOrder() throws Exception {
		connectClients();
		JavaClient outside = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect();
		this.onA.emitWithAck("join", "lobby");
		this.onB.emitWithAck("join", "lobby");
		byte[] bytes = { 0, 1, 2, (byte) 255 };

		a.server().emit("everyone", "hello", bytes);
		b.server().to("lobby").emit("lobby", 2);
		a.server().except("lobby").emit("not-lobby", 3);
		b.server().to(this.onA.socket().id()).emit("direct", 4);
		for (int i = 0; i < 20; i++) {
			(((i % 2) == 0) ? a : b).server().to("lobby").emit("sequence", i);
		}
		a.server().emit("end");

		for (JavaClient client : List.of(this.onA, this.onB, outside)) {
			Object[] everyone = client.await("everyone");
			assertThat(everyone[0]).isEqualTo("hello");
			assertThat((byte[]) everyone[1]).containsExactly(bytes);
		}
		assertThat(this.onA.await("lobby")[0]).isEqualTo(2);
		assertThat(this.onB.await("lobby")[0]).isEqualTo(2);
		assertThat(outside.await("not-lobby")[0]).isEqualTo(3);
		assertThat(this.onA.await("direct")[0]).isEqualTo(4);
		List<Object> sequenceOnA = awaitSequence(this.onA);
		assertThat(sequenceOnA).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).boxed().toList());
		assertThat(sequenceOnA.stream().filter((i) -> (int) i % 2 == 0)).as("A's in the order A sent them").isSorted();
		assertThat(sequenceOnA.stream().filter((i) -> (int) i % 2 == 1)).as("B's in the order B sent them").isSorted();
		assertThat(awaitSequence(this.onB)).as("in the stream's order on both nodes").isEqualTo(sequenceOnA);
		for (JavaClient client : List.of(this.onA, this.onB, outside)) {
			client.await("end");
			// the stream is read in order: whatever was to come twice would have come before "end"
			assertThat(client.receives("everyone", 0)).isFalse();
		}
		assertThat(outside.receives("lobby", 0)).isFalse();
		assertThat(outside.receives("sequence", 0)).isFalse();
		assertThat(this.onA.receives("not-lobby", 0)).isFalse();
		assertThat(this.onB.receives("direct", 0)).isFalse();
		outside.close();
	}

	private static List<Object> awaitSequence(JavaClient client) {
		List<Object> sequence = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			sequence.add(client.await("sequence")[0]);
		}
		return sequence;
	}

	@Test
	void requestsAndAcknowledgementsCrossNodes() throws Exception {
		connectClients();
		List<RemoteSocket> fromA = a.server().fetchSockets().get(10, TimeUnit.SECONDS);
		assertThat(fromA).extracting(RemoteSocket::id).contains(this.onA.socket().id(), this.onB.socket().id());

		for (JavaClient client : List.of(this.onA, this.onB)) {
			client.socket().on("question", (args) -> ((Ack) args[args.length - 1]).call("answer"));
		}
		assertThat(b.server().emitWithAck(Duration.ofSeconds(5), "question").get(10, TimeUnit.SECONDS))
			.containsExactly("answer", "answer");

		b.server().onServerSideEmit("ping", (args, ack) -> ack.send("pong from B to " + args.get(0)));
		assertThat(a.server().serverSideEmitWithAck(Duration.ofSeconds(5), "ping", "A").get(10, TimeUnit.SECONDS))
			.containsExactly("pong from B to A");

		a.server().in(this.onB.socket().id()).socketsJoin("joined-from-a");
		b.server().to("joined-from-a").emit("in-joined", true);
		assertThat(this.onB.await("in-joined")[0]).isEqualTo(true);
		a.server().in("joined-from-a").disconnectSockets(false);
		assertThat(this.onB.await("disconnect")).containsExactly("io server disconnect");
		this.onB = null;
	}

	@Test
	void aClientThatLostItsConnectionToOneNodeRecoversOnTheOtherWithWhatItMissedOnceInOrder() throws Exception {
		try (StreamsRecovery client = StreamsRecovery.start(a.port(), PREFIX, "received")) {
			String id = client.cutWhenAway(fixture);
			emitWhileAway(id);

			JsonNode result = client.reconnectTo(b.port());

			assertThat(result.at("/recovered").asBoolean()).isTrue();
			assertThat(result.at("/id").asString()).isEqualTo(id).isEqualTo(result.at("/firstId").asString());
			assertThat(StreamsRecovery.eventsOf(result)).containsExactly("first:first", "to-socket:1", "to-room:2",
					"everyone:5");
			assertThat(result.at("/whoami/recovered").asBoolean()).isTrue();
			assertThat(result.at("/whoami/nick").asString()).as("attributes kept in Redis").isEqualTo("ana");
			assertThat(result.at("/whoami/rooms").toString()).contains("room-a", id);
		}
	}

	@Test
	void aClientThatHadReceivedNothingYetRecoversOnTheOtherNodeToo() throws Exception {
		try (StreamsRecovery client = StreamsRecovery.start(a.port(), PREFIX, "none")) {
			emitWhileAway(client.cutWhenAway(fixture));

			JsonNode result = client.reconnectTo(b.port());

			assertThat(result.at("/recovered").asBoolean()).isTrue();
			assertThat(result.at("/id").asString()).isEqualTo(result.at("/firstId").asString());
			assertThat(StreamsRecovery.eventsOf(result)).containsExactly("to-socket:1", "to-room:2", "everyone:5");
		}
	}

	@Test
	void aSessionIsTakenOnceAndOnlyWithAnOffsetTheStreamHolds() throws Exception {
		connectClients();
		a.server().to(this.onA.socket().id()).emit("offset");
		Object[] received = this.onA.await("offset");
		String offset = (String) received[received.length - 1];
		Adapter adapter = b.server().sockets().adapter();
		adapter.persistSession(session("pid-1"));
		adapter.persistSession(session("pid-2"));

		assertThat(adapter.restoreSession("pid-1", "not-an-offset").get(10, TimeUnit.SECONDS)).isNull();
		assertThat(adapter.restoreSession("pid-1", "1-1").get(10, TimeUnit.SECONDS))
			.as("an offset the stream does not hold").isNull();
		assertThat(adapter.restoreSession("pid-1", offset).get(10, TimeUnit.SECONDS)).as("taken already").isNull();
		RestoredSession restored = adapter.restoreSession("pid-2", offset).get(10, TimeUnit.SECONDS);
		assertThat(restored).isNotNull();
		assertThat(restored.session().sid()).isEqualTo("sid-pid-2");
		assertThat(restored.session().data()).containsEntry("nick", "ana");
		assertThat(adapter.restoreSession("pid-2", offset).get(10, TimeUnit.SECONDS)).as("taken once").isNull();
		// no socket connects with it: the server abandons it
		adapter.delAll("sid-pid-2");
	}

	private static RecoverableSession session(String pid) {
		return new RecoverableSession("sid-" + pid, pid, Set.of("sid-" + pid), Map.of("nick", "ana"), Instant.now());
	}

	/**
	 * What B sends while the client of a socket of A is away: to it, to its room, and to others. A client of B sees
	 * the last one, so every one is in the stream.
	 */
	private static void emitWhileAway(String id) {
		JavaClient observer = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect();
		b.server().to(id).emit("to-socket", 1);
		b.server().to("room-a").emit("to-room", 2);
		b.server().to("room-b").emit("to-another-room", 3);
		b.server().except("room-a").emit("except-its-room", 4);
		b.server().asVolatile().emit("volatile-while-away", 6);
		b.server().emit("everyone", 5);
		observer.await("everyone");
		observer.close();
	}

}
