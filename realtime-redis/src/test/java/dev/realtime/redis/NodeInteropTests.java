package dev.realtime.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socket.client.Ack;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.realtime.server.RemoteSocket;
import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java node and a Node.js Socket.IO 4.8 node on {@code @socket.io/redis-adapter} 8.3.0 share the tests' Redis: one
 * cluster, whichever runtime sends or asks.
 */
class NodeInteropTests {

	private static final String PREFIX = "realtime-interop-" + UUID.randomUUID();

	private static ClusterNode java;

	private static NodeProcess node;

	private JavaClient onJava;

	private JavaClient onNode;

	private JavaClient control;

	@BeforeAll
	static void startNodes() throws Exception {
		int redisPort = TestRedis.shared().port();
		node = NodeProcess.start(redisPort, PREFIX);
		java = ClusterNode.start(PREFIX, redisPort);
		java.awaitNodes(2);
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
		this.control = JavaClient.connect(node.port(), "/control", Map.of(), "websocket").awaitConnect();
	}

	@AfterEach
	void closeClients() {
		List.of(this.onJava, this.onNode, this.control).forEach(JavaClient::close);
	}

	@Test
	void javaBroadcastsReachClientsOfTheNodeNode() throws Exception {
		byte[] bytes = { 1, 2, 3 };
		java.server().emit("from-java", "hello", Map.of("n", 1), bytes);
		Object[] args = this.onNode.await("from-java");
		assertThat(args[0]).isEqualTo("hello");
		assertThat(((JSONObject) args[1]).getInt("n")).isEqualTo(1);
		assertThat((byte[]) args[2]).containsExactly(bytes);
		assertThat(this.onJava.await("from-java")[0]).isEqualTo("hello");
	}

	@Test
	void nodeBroadcastsReachClientsOfTheJavaNode() throws Exception {
		byte[] bytes = { 9, 8, 7 };
		this.control.emitWithAck("broadcast", new JSONArray(), "from-node", new JSONArray(List.of("hi", bytes)));
		Object[] args = this.onJava.await("from-node");
		assertThat(args[0]).isEqualTo("hi");
		assertThat((byte[]) args[1]).containsExactly(bytes);
		assertThat(this.onNode.await("from-node")[0]).isEqualTo("hi");
	}

	@Test
	void roomBroadcastsCrossInBothDirections() throws Exception {
		this.onJava.emitWithAck("join", "lobby");
		this.onNode.emitWithAck("join", "lobby");
		this.control.emitWithAck("broadcast", new JSONArray(List.of("lobby")), "lobby-node", new JSONArray(List.of(1)));
		assertThat(this.onJava.await("lobby-node")).containsExactly(1);
		java.server().to("lobby").except(this.onJava.socket().id()).emit("lobby-java", 2);
		assertThat(this.onNode.await("lobby-java")).containsExactly(2);
		assertThat(this.onJava.receives("lobby-java", 300)).isFalse();
	}

	@Test
	void socketIdsOfEitherRuntimeWorkInTo() throws Exception {
		assertThat(this.onJava.socket().id()).hasSize(20).matches("[A-Za-z0-9_-]{20}");
		this.control.emitWithAck("broadcast", new JSONArray(List.of(this.onJava.socket().id())), "direct",
				new JSONArray(List.of("from node")));
		assertThat(this.onJava.await("direct")).containsExactly("from node");
		java.server().to(this.onNode.socket().id()).emit("direct", "from java");
		assertThat(this.onNode.await("direct")).containsExactly("from java");
	}

	@Test
	void fetchSocketsSeesTheSocketsOfBothRuntimes() throws Exception {
		List<RemoteSocket> fromJava = java.server().fetchSockets().get(10, TimeUnit.SECONDS);
		assertThat(fromJava).extracting(RemoteSocket::id).contains(this.onJava.socket().id(), this.onNode.socket().id());
		RemoteSocket nodeSocket = fromJava.stream()
			.filter((socket) -> socket.id().equals(this.onNode.socket().id()))
			.findFirst()
			.orElseThrow();
		assertThat(nodeSocket.rooms()).contains(this.onNode.socket().id());
		assertThat(nodeSocket.handshake().query().getFirst("EIO")).isEqualTo("4");

		JSONArray fromNode = (JSONArray) this.control.emitWithAck("fetchSockets")[0];
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < fromNode.length(); i++) {
			ids.add(fromNode.getJSONObject(i).getString("id"));
		}
		assertThat(ids).contains(this.onJava.socket().id(), this.onNode.socket().id());
	}

	@Test
	void remoteJoinFromTheNodeNodeReachesJavaSockets() throws Exception {
		this.control.emitWithAck("socketsJoin", this.onJava.socket().id(), "joined-by-node");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!java.server().sockets().adapter().socketRooms(this.onJava.socket().id()).contains("joined-by-node")) {
			assertThat(System.nanoTime()).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	@Test
	void acknowledgementsAreCollectedAcrossRuntimes() throws Exception {
		for (JavaClient client : List.of(this.onJava, this.onNode)) {
			client.socket().on("ping?", (args) -> ((Ack) args[args.length - 1]).call("pong"));
		}
		List<Object> fromJava = java.server().emitWithAck(Duration.ofSeconds(5), "ping?").get(10, TimeUnit.SECONDS);
		assertThat(fromJava).containsExactly("pong", "pong");
		JSONArray fromNode = (JSONArray) this.control.emitWithAck("emitWithAck", "ping?")[0];
		assertThat(fromNode.length()).isEqualTo(2);
		assertThat(fromNode.get(0)).isEqualTo("pong");
		assertThat(fromNode.get(1)).isEqualTo("pong");
	}

	@Test
	void serverSideEmitsCrossInBothDirections() throws Exception {
		BlockingQueue<List<Object>> received = new LinkedBlockingQueue<>();
		java.server().onServerSideEmit("from-node", (args, ack) -> received.add(args));
		this.control.emitWithAck("serverSideEmit", "from-node", new JSONArray(List.of("hi", 1)));
		assertThat(received.poll(5, TimeUnit.SECONDS)).containsExactly("hi", 1);

		java.server().serverSideEmit("hello", "from java", Map.of("n", 2));
		Object[] args = this.onNode.await("hello-received");
		assertThat(args[0]).isEqualTo("from java");
		assertThat(((JSONObject) args[1]).getInt("n")).isEqualTo(2);
		assertThat(this.onJava.receives("hello-received", 300)).isFalse();
	}

	@Test
	void serverSideEmitWithAckIsAnsweredInBothDirections() throws Exception {
		java.server().onServerSideEmit("ping", (args, ack) -> ack.send("pong from java to " + args.get(0)));
		List<Object> fromJava = java.server().serverSideEmitWithAck(Duration.ofSeconds(5), "ping", "java")
			.get(10, TimeUnit.SECONDS);
		assertThat(fromJava).containsExactly("pong from node to java");
		JSONArray fromNode = (JSONArray) this.control.emitWithAck("serverSideEmitWithAck", "ping",
				new JSONArray(List.of("node")))[0];
		assertThat(fromNode.length()).isEqualTo(1);
		assertThat(fromNode.get(0)).isEqualTo("pong from java to node");
	}

	@Test
	void bothRuntimesCountTwoNodes() throws Exception {
		assertThat(java.server().sockets().adapter().serverCount().get()).isEqualTo(2);
		assertThat(this.control.emitWithAck("serverCount")[0]).isEqualTo(2);
	}

}
