package dev.realtime.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.realtime.server.RemoteSocket;
import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java node and a Node.js Socket.IO 4.8 node on {@code @socket.io/redis-streams-adapter} 0.3.1 share a stream of
 * the tests' Redis, both with connection state recovery: one cluster, whichever runtime sends, asks, or takes a
 * client back. The test drives the Node node with server-side emits ({@code node-streams.js}).
 */
class RedisStreamsNodeInteropTests {

	private static final String PREFIX = "realtime-streams-interop-" + UUID.randomUUID();

	private static ClusterNode java;

	private static NodeProcess node;

	private static RecoveryFixture fixture;

	private JavaClient onJava;

	private JavaClient onNode;

	@BeforeAll
	static void startNodes() throws Exception {
		int redisPort = TestRedis.shared().port();
		node = NodeProcess.start("node-streams.js", redisPort, PREFIX);
		java = ClusterNode.startOnStreams(PREFIX, redisPort);
		java.awaitNodes(2);
		fixture = RecoveryFixture.on(java.server());
	}

	@AfterAll
	static void stopNodes() throws Exception {
		if (java != null) {
			java.close();
		}
		if (node != null) {
			node.close();
		}
	}

	@BeforeEach
	void connectClients() {
		this.onJava = JavaClient.connect(java.port(), "/", Map.of(), "websocket").awaitConnect();
		this.onNode = JavaClient.connect(node.port(), "/", Map.of(), "websocket").awaitConnect();
	}

	@AfterEach
	void closeClients() {
		List.of(this.onJava, this.onNode).forEach(JavaClient::close);
	}

	@Test
	void javaBroadcastsReachClientsOfTheNodeNode() throws Exception {
		this.onNode.emitWithAck("join", "lobby");
		byte[] bytes = { 1, 2, 3 };
		java.server().emit("from-java", "hello", Map.of("n", 1), bytes);
		java.server().to("lobby").emit("lobby-java", 2);
		Object[] args = this.onNode.await("from-java");
		assertThat(args[0]).isEqualTo("hello");
		assertThat(((JSONObject) args[1]).getInt("n")).isEqualTo(1);
		assertThat((byte[]) args[2]).containsExactly(bytes);
		assertThat(args[3]).as("the offset, an entry id").asString().matches("[0-9]+-[0-9]+");
		assertThat(this.onNode.await("lobby-java")[0]).isEqualTo(2);
		assertThat(this.onJava.await("from-java")[0]).isEqualTo("hello");
		assertThat(this.onJava.receives("lobby-java", 300)).isFalse();
	}

	@Test
	void nodeBroadcastsReachClientsOfTheJavaNode() throws Exception {
		this.onJava.emitWithAck("join", "lobby");
		byte[] bytes = { 9, 8, 7 };
		broadcastFromNode(List.of(), List.of(), "from-node", List.of("hi", bytes));
		broadcastFromNode(List.of("lobby"), List.of(), "lobby-node", List.of(1));
		broadcastFromNode(List.of(), List.of("lobby"), "not-lobby-node", List.of(2));
		Object[] args = this.onJava.await("from-node");
		assertThat(args[0]).isEqualTo("hi");
		assertThat((byte[]) args[1]).containsExactly(bytes);
		assertThat(this.onJava.await("lobby-node")[0]).isEqualTo(1);
		assertThat(this.onNode.await("from-node")[0]).isEqualTo("hi");
		assertThat(this.onNode.await("not-lobby-node")[0]).isEqualTo(2);
		assertThat(this.onJava.receives("not-lobby-node", 300)).isFalse();
		assertThat(this.onNode.receives("lobby-node", 0)).isFalse();
	}

	@Test
	void requestsCrossRuntimes() throws Exception {
		List<RemoteSocket> fromJava = java.server().fetchSockets().get(10, TimeUnit.SECONDS);
		assertThat(fromJava).extracting(RemoteSocket::id).contains(this.onJava.socket().id(), this.onNode.socket().id());
		List<Object> fromNode = java.server().serverSideEmitWithAck(Duration.ofSeconds(5), "fetch")
			.get(10, TimeUnit.SECONDS);
		assertThat(fromNode).singleElement()
			.asList()
			.as("the Node node's fetchSockets()")
			.contains(this.onJava.socket().id(), this.onNode.socket().id());
		assertThat(java.server().serverSideEmitWithAck(Duration.ofSeconds(5), "ping", "java").get(10, TimeUnit.SECONDS))
			.containsExactly("pong from node to java");
		assertThat(java.server().sockets().adapter().serverCount().get()).isEqualTo(2);
	}

	@Test
	void aClientOfTheNodeNodeRecoversOnTheJavaNode() throws Exception {
		try (StreamsRecovery client = StreamsRecovery.start(node.port(), PREFIX, "received")) {
			String id = client.cutWhenAway(fixture);
			java.server().to(id).emit("to-socket", 1);
			java.server().to("room-a").emit("to-room", 2);
			java.server().to("room-b").emit("to-another-room", 3);
			java.server().except("room-a").emit("except-its-room", 4);
			java.server().emit("everyone", 5);
			// a client of either node sees the last one, so every one is in the stream
			this.onJava.await("everyone");

			JsonNode result = client.reconnectTo(java.port());

			assertRecovered(result, id);
		}
	}

	@Test
	void aClientOfTheJavaNodeRecoversOnTheNodeNode() throws Exception {
		try (StreamsRecovery client = StreamsRecovery.start(java.port(), PREFIX, "received")) {
			String id = client.cutWhenAway(fixture);
			broadcastFromNode(List.of(id), List.of(), "to-socket", List.of(1));
			broadcastFromNode(List.of("room-a"), List.of(), "to-room", List.of(2));
			broadcastFromNode(List.of("room-b"), List.of(), "to-another-room", List.of(3));
			broadcastFromNode(List.of(), List.of("room-a"), "except-its-room", List.of(4));
			broadcastFromNode(List.of(), List.of(), "everyone", List.of(5));
			this.onJava.await("everyone");

			JsonNode result = client.reconnectTo(node.port());

			assertRecovered(result, id);
		}
	}

	private static void assertRecovered(JsonNode result, String id) {
		assertThat(result.at("/recovered").asBoolean()).isTrue();
		assertThat(result.at("/id").asString()).isEqualTo(id).isEqualTo(result.at("/firstId").asString());
		assertThat(StreamsRecovery.eventsOf(result)).containsExactly("first:first", "to-socket:1", "to-room:2",
				"everyone:5");
		assertThat(result.at("/whoami/recovered").asBoolean()).isTrue();
		assertThat(result.at("/whoami/nick").asString()).as("the socket's data, kept in Redis").isEqualTo("ana");
		assertThat(result.at("/whoami/rooms").toString()).contains("room-a", id);
	}

	/** Has the Node node broadcast to its namespace "/", in order with the earlier ones. */
	private static void broadcastFromNode(List<String> rooms, List<String> except, String event, List<Object> args) {
		java.server().serverSideEmit("broadcast", rooms, except, event, args);
	}

}
