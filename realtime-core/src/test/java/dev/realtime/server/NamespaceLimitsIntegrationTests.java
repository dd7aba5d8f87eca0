package dev.realtime.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.support.EngineClient;
import dev.realtime.support.JavaClient;
import dev.realtime.support.NodeClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Namespaces that one connection or many clients could pile up: those made from a template are removed once their
 * last socket has left, and a connection joins a bounded number at once.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class NamespaceLimitsIntegrationTests {

	private static final int CLIENTS = 5_000;

	@LocalServerPort
	int port;

	@Autowired
	RealtimeServer server;

	@Test
	void namespacesMadeFromATemplateAreRemovedOnceTheirLastSocketHasLeft() throws Exception {
		DynamicNamespace projects = this.server.dynamicNamespace("/project-{id}");
		projects.on("where", (socket, args, ack) -> ack.send(socket.namespace().variables().get("id")));
		int base = this.server.namespaces().size();
		// pings answered here: the client's own answers could collide with these sends
		EngineClient.Socket connection = new EngineClient(this.port, "/socket.io/").webSocket("&transport=websocket");
		connection.nextText();
		for (int i = 0; i < CLIENTS; i++) {
			String namespace = "/project-" + i;
			connection.send("40" + namespace + ",");
			String answer = connection.nextText();
			while (answer.equals("2")) {
				connection.send("3");
				answer = connection.nextText();
			}
			assertThat(answer).startsWith("40" + namespace + ",{\"sid\":");
			connection.send("41" + namespace + ",");
		}
		await().until(() -> this.server.namespaces().size() == base);
		assertThat(projects.namespaces()).isEmpty();
		try (JavaClient again = JavaClient.connect(this.port, "/project-7", Map.of(), "websocket").awaitConnect()) {
			assertThat(again.emitWithAck("where")).containsExactly("7");
		}
		connection.abort();
	}

	@Test
	void aSocketThatJoinsWhileTheLastOneLeavesKeepsTheNamespace() throws Exception {
		CompletableFuture<Next> held = new CompletableFuture<>();
		DynamicNamespace rooms = this.server.dynamicNamespace("/room-{id}");
		rooms.use((ConnectMiddleware) (context, next) -> {
			if (context.auth().containsKey("hold")) {
				held.complete(next);
			}
			else {
				next.proceed();
			}
		});
		try (JavaClient leaving = JavaClient.connect(this.port, "/room-1", Map.of(), "websocket").awaitConnect();
				JavaClient joining = JavaClient.connect(this.port, "/room-1", Map.of("hold", "yes"), "websocket")) {
			Next joiningNext = held.get();
			leaving.close();
			await().until(() -> isEmptyOrGone(this.server, "/room-1"));
			assertThat(existing(this.server, "/room-1")).as("held by the joining socket").isNotNull();
			joiningNext.proceed();
			joining.awaitConnect();
			Namespace room = existing(this.server, "/room-1");
			assertThat(room.socketCount()).as("the joining socket is in the namespace the server knows").isEqualTo(1);
			room.emit("hello", "you");
			assertThat(joining.await("hello")).containsExactly("you");
		}
		await().until(() -> existing(this.server, "/room-1") == null);
	}

	@Test
	void aNamespaceTheApplicationAskedForIsKeptWithTheTemplatesHandlers() throws Exception {
		DynamicNamespace boards = this.server.dynamicNamespace("/board-{id}");
		boards.on("where", (socket, args, ack) -> ack.send(socket.namespace().variables().get("id")));
		Namespace board = this.server.namespace("/board-3");
		try (JavaClient client = JavaClient.connect(this.port, "/board-3", Map.of(), "websocket").awaitConnect()) {
			assertThat(client.emitWithAck("where")).containsExactly("3");
		}
		await().until(() -> board.socketCount() == 0);
		assertThat(existing(this.server, "/board-3")).isSameAs(board);
	}

	/** The namespace of this name, if it exists: unlike {@link RealtimeServer#namespace}, this creates none. */
	static @Nullable Namespace existing(RealtimeServer server, String name) {
		return server.namespaces().stream().filter((namespace) -> namespace.name().equals(name)).findFirst().orElse(null);
	}

	static boolean isEmptyOrGone(RealtimeServer server, String name) {
		Namespace namespace = existing(server, name);
		return namespace == null || namespace.socketCount() == 0;
	}

	static EngineClient.Socket webSocket(int port) throws Exception {
		EngineClient.Socket socket = new EngineClient(port, "/socket.io/").webSocket("&transport=websocket")
			.answeringPings();
		socket.nextText();
		return socket;
	}

	@Nested
	@TestPropertySource(properties = "test.namespaces-per-connection=3")
	class NamespacesPerConnection {

		@LocalServerPort
		int port;

		@Autowired
		RealtimeServer server;

		@Test
		void aConnectionPastItsNamespacesGetsAConnectErrorAndKeepsTheOthers() {
			DynamicNamespace tabs = this.server.dynamicNamespace("/tab-{id}");
			tabs.on("echo", (socket, args, ack) -> ack.send());
			JsonNode result = NodeClient.run("namespaces.js", "http://localhost:" + this.port,
					Map.of("namespaces", List.of("/tab-1", "/tab-2", "/tab-3", "/tab-4"), "then", "/tab-5"));
			JsonNode joined = result.get("joined");
			assertThat(joined.get(3)).hasToString("{\"namespace\":\"/tab-4\",\"connected\":false,\"error\":"
					+ "{\"message\":\"Too many namespaces on one connection\",\"data\":{\"limit\":3}}}");
			assertThat(result.get("echoes")).hasToString("[\"/tab-1\",\"/tab-2\",\"/tab-3\"]");
			assertThat(result.get("then").get("connected").asBoolean()).as("one left: room for another").isTrue();
			assertThat(result.get("engines").asInt()).as("one connection").isEqualTo(1);
		}

	}

	@Nested
	@TestPropertySource(properties = "test.cleanup-empty=false")
	class WithoutCleanup {

		@LocalServerPort
		int port;

		@Autowired
		RealtimeServer server;

		@Test
		void emptyNamespacesStay() {
			this.server.dynamicNamespace("/desk-{id}");
			try (JavaClient client = JavaClient.connect(this.port, "/desk-1", Map.of(), "websocket")) {
				client.awaitConnect();
			}
			await().until(() -> isEmptyOrGone(this.server, "/desk-1"));
			assertThat(existing(this.server, "/desk-1")).isNotNull();
		}

	}

	@Nested
	@TestPropertySource(properties = "test.recovery=true")
	class WithConnectionStateRecovery {

		@LocalServerPort
		int port;

		@Autowired
		RealtimeServer server;

		@Test
		void anEmptiedNamespaceKeepsTheSessionsOfTheSocketsThatLostTheirConnection() throws Exception {
			this.server.dynamicNamespace("/project-{id}");
			EngineClient.Socket lost = webSocket(this.port);
			lost.send("40/project-7,");
			JsonNode connected = connectAnswer(lost.nextText(), "/project-7");
			lost.abort();
			await().until(() -> isEmptyOrGone(this.server, "/project-7"));
			assertThat(existing(this.server, "/project-7")).as("kept for its sessions").isNotNull();

			EngineClient.Socket back = webSocket(this.port);
			back.send("40/project-7,{\"pid\":\"" + connected.get("pid").asString() + "\"}");
			assertThat(connectAnswer(back.nextText(), "/project-7").get("sid").asString())
				.isEqualTo(connected.get("sid").asString());
			back.abort();
		}

		private JsonNode connectAnswer(String packet, String namespace) {
			assertThat(packet).startsWith("40" + namespace + ",{");
			return new JsonMapper().readTree(packet.substring(namespace.length() + 3));
		}

	}

}
