package dev.realtime.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.socket.client.Ack;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.realtime.server.RemoteSocket;
import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Three Spring nodes in one JVM sharing the tests' Redis under a key prefix of their own, with a client connected to
 * each.
 */
class RedisAdapterClusterTests {

	private static final String PREFIX = "realtime-test-" + UUID.randomUUID();

	private static ClusterNode a;

	private static ClusterNode b;

	private static ClusterNode c;

	private JavaClient onA;

	private JavaClient onB;

	private JavaClient onC;

	@BeforeAll
	static void startNodes() throws Exception {
		int redisPort = TestRedis.shared().port();
		a = ClusterNode.start(PREFIX, redisPort);
		b = ClusterNode.start(PREFIX, redisPort);
		c = ClusterNode.start(PREFIX, redisPort);
		for (ClusterNode node : List.of(a, b, c)) {
			node.awaitNodes(3);
		}
	}

	@AfterAll
	static void stopNodes() {
		List.of(a, b, c).forEach(ClusterNode::close);
	}

	@AfterEach
	void closeClients() {
		for (JavaClient client : new JavaClient[] { this.onA, this.onB, this.onC }) {
			if (client != null) {
				client.close();
			}
		}
	}

	private void connectClients() {
		this.onA = JavaClient.connect(a.port(), "/", Map.of(), "websocket").awaitConnect();
		this.onB = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect();
		this.onC = JavaClient.connect(c.port(), "/", Map.of(), "websocket").awaitConnect();
	}

	@Test
	void broadcastReachesEverySocketOfEveryNodeExactlyOnce() throws Exception {
		connectClients();
		a.server().emit("news", "hello", 42);
		for (JavaClient client : List.of(this.onA, this.onB, this.onC)) {
			assertThat(client.await("news")).containsExactly("hello", 42);
		}
		for (JavaClient client : List.of(this.onA, this.onB, this.onC)) {
			assertThat(client.receives("news", 300)).isFalse();
		}
	}

	@Test
	void broadcastToRoomsWithExceptsReachesTheRightSocketsOnEveryNode() throws Exception {
		connectClients();
		this.onA.emitWithAck("join", "red");
		this.onB.emitWithAck("join", "red", "quiet");
		this.onC.emitWithAck("join", "blue");
		c.server().to("red").except("quiet").emit("only-red", "x");
		b.server().to("blue").emit("only-blue", "y");
		a.server().to("red", "blue").emit("red-or-blue", "z");
		assertThat(this.onA.await("only-red")).containsExactly("x");
		assertThat(this.onC.await("only-blue")).containsExactly("y");
		for (JavaClient client : List.of(this.onA, this.onB, this.onC)) {
			assertThat(client.await("red-or-blue")).containsExactly("z");
		}
		assertThat(this.onB.receives("only-red", 300)).isFalse();
		assertThat(this.onC.receives("only-red", 100)).isFalse();
		assertThat(this.onA.receives("only-blue", 100)).isFalse();
		assertThat(this.onB.receives("only-blue", 100)).isFalse();
	}

	@Test
	void binaryBroadcastArrivesAsBinaryOnOtherNodes() {
		connectClients();
		byte[] bytes = { 0, 1, 2, (byte) 255 };
		a.server().emit("bytes", bytes, Map.of("nested", bytes));
		Object[] args = this.onC.await("bytes");
		assertThat((byte[]) args[0]).containsExactly(bytes);
		assertThat(((JSONObject) args[1]).opt("nested")).isEqualTo(bytes);
	}

	@Test
	void emitToASocketIdOfAnotherNode() {
		connectClients();
		a.server().to(this.onC.socket().id()).emit("direct", "for C");
		assertThat(this.onC.await("direct")).containsExactly("for C");
	}

	@Test
	void emitWithAckCollectsTheAcknowledgementsOfEveryNode() throws Exception {
		connectClients();
		for (JavaClient client : List.of(this.onA, this.onB, this.onC)) {
			client.socket().on("question", (args) -> ((Ack) args[args.length - 1]).call("answer from " + args[0]));
		}
		List<Object> answers = b.server().emitWithAck(Duration.ofSeconds(5), "question", "B").get(10, TimeUnit.SECONDS);
		assertThat(answers).hasSize(3).containsOnly("answer from B");
	}

	@Test
	void fetchSocketsSeesTheSocketsOfEveryNodeAndActsOnThem() throws Exception {
		connectClients();
		this.onC.emitWithAck("join", "team");
		List<RemoteSocket> all = a.server().fetchSockets().get(10, TimeUnit.SECONDS);
		assertThat(all).extracting(RemoteSocket::id)
			.contains(this.onA.socket().id(), this.onB.socket().id(), this.onC.socket().id());
		RemoteSocket fromC = a.server().in("team").fetchSockets().get(10, TimeUnit.SECONDS).get(0);
		assertThat(fromC.id()).isEqualTo(this.onC.socket().id());
		assertThat(fromC.rooms()).contains("team", fromC.id());
		assertThat(fromC.handshake().query().getFirst("EIO")).isEqualTo("4");

		fromC.join("joined-remotely");
		awaitRooms(c, this.onC.socket().id(), Set.of("team", "joined-remotely"));
		a.server().in("team").socketsLeave("team");
		awaitRooms(c, this.onC.socket().id(), Set.of("joined-remotely"));
		fromC.emit("hello-remote", "via fetchSockets");
		assertThat(this.onC.await("hello-remote")).containsExactly("via fetchSockets");

		b.server().in("joined-remotely").disconnectSockets(false);
		this.onC.await("disconnect");
		this.onC = null;
	}

	private static void awaitRooms(ClusterNode node, String socketId, Set<String> rooms) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		Set<String> actual;
		do {
			actual = node.server().sockets().adapter().socketRooms(socketId).stream()
				.filter((room) -> !room.equals(socketId))
				.collect(Collectors.toSet());
			if (actual.equals(rooms)) {
				return;
			}
			Thread.sleep(20);
		}
		while (System.nanoTime() < deadline);
		assertThat(actual).isEqualTo(rooms);
	}

	@Test
	void serverSideEmitReachesTheHandlersOfTheOtherNodesOnly() throws Exception {
		BlockingQueue<String> received = new LinkedBlockingQueue<>();
		Map.of("A", a, "B", b, "C", c).forEach((name, node) -> node.server()
			.onServerSideEmit("hello", (args, ack) -> received.add(name + " " + args + " " + ack.isRequested())));
		a.server().serverSideEmit("hello", "world", 1);
		assertThat(List.of(received.poll(5, TimeUnit.SECONDS), received.poll(5, TimeUnit.SECONDS)))
			.containsExactlyInAnyOrder("B [world, 1] false", "C [world, 1] false");
		assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> a.server().serverSideEmit("disconnect"));
	}

	@Test
	void serverSideEmitWithAckCollectsOneAnswerPerOtherNode() throws Exception {
		Map.of("A", a, "B", b, "C", c).forEach((name, node) -> node.server()
			.onServerSideEmit("ping", (args, ack) -> ack.send("pong from " + name + " to " + args.get(0))));
		List<Object> answers = a.server().serverSideEmitWithAck(Duration.ofSeconds(5), "ping", "A")
			.get(10, TimeUnit.SECONDS);
		assertThat(answers).containsExactlyInAnyOrder("pong from B to A", "pong from C to A");
	}

	@Test
	void serverSideEmitWithAckTimesOutWhenANodeDoesNotAnswer() {
		b.server().onServerSideEmit("question", (args, ack) -> ack.send("answer"));
		c.server().onServerSideEmit("question", (args, ack) -> {
		});
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> a.server().serverSideEmitWithAck(Duration.ofMillis(500), "question")
				.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOf(ClusterRequestTimeoutException.class)
			.withMessage("Timeout reached while waiting for serverSideEmit responses: 1 of 2 other node(s) answered "
					+ "within 500ms");
	}

	@Test
	void serverCountCountsTheNodes() throws Exception {
		assertThat(b.server().sockets().adapter().serverCount().get()).isEqualTo(3);
	}

	@Test
	void channelPublicationsReachSubscribersOnOtherNodes() throws Exception {
		connectClients();
		this.onB.emitWithAck("#subscribe", "prices");
		a.server().channel("prices").publish(Map.of("eur", 1));
		JSONObject publication = (JSONObject) this.onB.await("#publish")[0];
		assertThat(publication.getString("channel")).isEqualTo("prices");
		assertThat(publication.getJSONObject("data").getInt("eur")).isEqualTo(1);
		assertThat(this.onA.receives("#publish", 200)).isFalse();
	}

	@Test
	void requestsThatAreNotAnsweredFailWithATimeout() throws Exception {
		// a subscriber of the request channel that never answers: the cluster counts one node more than answer
		LettuceConnectionFactory factory = new LettuceConnectionFactory("127.0.0.1", TestRedis.shared().port());
		factory.afterPropertiesSet();
		factory.start();
		try (RedisConnection silent = factory.getConnection()) {
			silent.subscribe((message, pattern) -> {
			}, (PREFIX + "-request#/#").getBytes());
			a.awaitNodes(4);
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> a.server().fetchSockets().get(10, TimeUnit.SECONDS))
				.havingCause()
				.isInstanceOf(ClusterRequestTimeoutException.class)
				.withMessageContaining("2 of 3 other node(s) answered");
		}
		finally {
			factory.destroy();
		}
		a.awaitNodes(3);
	}

}
