package dev.realtime.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.socket.client.Socket;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server against the official Java client, over WebSocket only, long-polling only, and polling upgraded to
 * WebSocket (the client's default).
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ChatController.class)
@ExtendWith(OutputCaptureExtension.class)
class SocketIoIntegrationTests {

	private static final String UPGRADE = "polling,websocket";

	@LocalServerPort
	int port;

	@Autowired
	RealtimeServer server;

	@Autowired
	ChatController chat;

	private final List<JavaClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(JavaClient::close);
	}

	private JavaClient connect(String transports, String namespace, Map<String, String> auth) {
		JavaClient client = JavaClient.connect(this.port, namespace, auth, transports.split(","));
		this.clients.add(client);
		return client;
	}

	private JavaClient connect(String transports) {
		return connect(transports, "/", Map.of("nickname", "ann")).awaitConnect();
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling", UPGRADE })
	void connectsWithSocketIdDistinctFromEngineId(String transports) throws Exception {
		JavaClient client = connect(transports);
		String socketId = client.socket().id();
		assertThat(awaitEntry(this.chat.connected, socketId)).isEqualTo(socketId);
		assertThat(socketId).hasSize(20);
		assertThat(this.server.sockets().sockets()).extracting(RealtimeSocket::id).contains(socketId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling", UPGRADE })
	void answersAcksWithConvertedArgumentsAndReturnValues(String transports) throws Exception {
		JavaClient client = connect(transports);
		assertThat(client.emitWithAck("sum", 2, 40)).containsExactly(42);
		assertThat(client.emitWithAck("raw", "as sent")).containsExactly("as sent");
		// far larger than the container's WebSocket buffer: it arrives in parts
		String large = "x".repeat(300_000);
		assertThat(client.emitWithAck("raw", large)).containsExactly(large);
		assertThat(client.emitWithAck("later", "async")).containsExactly("ASYNC");
		assertThat(this.chat.anyEvents).contains("sum", "later");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling", UPGRADE })
	void carriesBinaryBothWays(String transports) throws Exception {
		JavaClient client = connect(transports);
		Object[] answer = client.emitWithAck("upload", "file.bin", new byte[] { 1, 2, 3, 4 });
		assertThat(answer[0]).isEqualTo(new byte[] { 4, 3, 2, 1 });
		byte[] large = new byte[300_000];
		large[0] = 7;
		assertThat((byte[]) client.emitWithAck("upload", "large.bin", large)[0]).hasSize(300_000).endsWith(7);
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling", UPGRADE })
	void broadcastsToRoomsExceptTheSender(String transports) throws Exception {
		JavaClient ann = connect(transports);
		JavaClient bob = connect(transports);
		JavaClient eve = connect(transports);
		assertThat(ann.emitWithAck("join", "lobby")).containsExactly("joined lobby");
		assertThat(bob.emitWithAck("join", "lobby")).containsExactly("joined lobby");
		Object[] ack = ann.emitWithAck("message", new JSONObject(Map.of("room", "lobby", "text", "hello")));
		assertThat(((JSONObject) ack[0]).getInt("length")).isEqualTo(5);
		JSONObject received = (JSONObject) bob.await("message")[0];
		assertThat(received.getString("text")).isEqualTo("hello");
		assertThat(received.getString("from")).isEqualTo("ann");
		assertThat(ann.receives("message", 300)).isFalse();
		assertThat(eve.receives("message", 0)).isFalse();

		this.server.to("lobby").except(ann.socket().id()).emit("notice", "only bob");
		assertThat(bob.await("notice")).containsExactly("only bob");
		this.server.emit("notice", "everyone");
		assertThat(eve.await("notice")).containsExactly("everyone");
		assertThat(ann.await("notice")).containsExactly("everyone");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void collectsAcknowledgementsFromClients(String transports) throws Exception {
		JavaClient ann = connect(transports);
		JavaClient bob = connect(transports);
		ann.socket().on("question", (args) -> ((io.socket.client.Ack) args[args.length - 1]).call("ann says " + args[0]));
		bob.socket().on("question", (args) -> ((io.socket.client.Ack) args[args.length - 1]).call("bob says " + args[0]));

		RealtimeSocket annSocket = socket(ann);
		assertThat(annSocket.emitWithAck(Duration.ofSeconds(5), "question", "yes").get(5, TimeUnit.SECONDS))
			.isEqualTo("ann says yes");
		// a room of these two alone: sockets of earlier tests may still be closing
		String askers = "askers-" + ann.socket().id();
		annSocket.join(askers);
		socket(bob).join(askers);
		List<Object> answers = this.server.to(askers)
			.emitWithAck(Duration.ofSeconds(5), "question", "no")
			.get(5, TimeUnit.SECONDS);
		assertThat(answers).containsExactlyInAnyOrder("ann says no", "bob says no");
	}

	@Test
	void serverSideEmitsReachNoHandlerOnASingleNode() throws Exception {
		List<List<Object>> received = new ArrayList<>();
		this.server.onServerSideEmit("alone", (args, ack) -> received.add(args));
		this.server.serverSideEmit("alone", 1);
		assertThat(this.server.serverSideEmitWithAck(Duration.ofMillis(200), "alone").get(5, TimeUnit.SECONDS))
			.isEmpty();
		assertThat(received).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.serverSideEmit("connect"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void emitWithAckTimesOutWhenTheClientDoesNotAnswer(String transports) throws Exception {
		JavaClient client = connect(transports);
		RealtimeSocket socket = socket(client);
		assertThatThrownBy(() -> socket.emitWithAck(Duration.ofMillis(200), "silence").get(5, TimeUnit.SECONDS))
			.hasCauseInstanceOf(TimeoutException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void answersHandlerFailuresWithAnErrorObjectThatHidesInternals(String transports) throws Exception {
		JavaClient client = connect(transports);
		JSONObject own = (JSONObject) client.emitWithAck("fail", true)[0];
		assertThat(own.getString("message")).isEqualTo("not allowed");
		assertThat(own.getJSONObject("data").getString("reason")).isEqualTo("test");
		assertThat(own.getInt("code")).isEqualTo(4001);
		JSONObject other = (JSONObject) client.emitWithAck("fail", false)[0];
		assertThat(other.getString("message")).isEqualTo("Internal server error");
		assertThat(other.toString()).doesNotContain("secret");
		assertThat(client.emitWithAck("sum", 1, 1)).containsExactly(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void answersArgumentsThatDoNotConvertAsInvalidWithoutAStackTrace(String transports, CapturedOutput output)
			throws Exception {
		JavaClient client = connect(transports);
		int logStart = output.length();
		assertThat(((JSONObject) client.emitWithAck("message", "not a record")[0]).toString())
			.isEqualTo("{\"message\":\"Invalid arguments\"}");
		assertThat(((JSONObject) client.emitWithAck("sum", "two", 40)[0]).getString("message"))
			.isEqualTo("Invalid arguments");
		assertThat(((JSONObject) client.emitWithAck("sum", 2)[0]).getString("message")).isEqualTo("Invalid arguments");
		client.socket().emit("message", "no ack asked");
		assertThat(((JSONObject) client.await("error")[0]).getString("message")).isEqualTo("Invalid arguments");
		assertThat(client.emitWithAck("sum", 2, 40)).containsExactly(42);
		assertThat(output.toString().substring(logStart)).doesNotContain("\tat ").doesNotContain("ERROR");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void answersTheAckOfAVoidHandlerWithNoArgumentsOnceItReturns(String transports) throws Exception {
		JavaClient client = connect(transports);
		assertThat(client.emitWithAck("join", "hall")).containsExactly("joined hall");
		assertThat(client.emitWithAck("leave", "hall")).isEmpty();
		assertThat(socket(client).rooms()).doesNotContain("hall");
		// a void handler that takes the Ack answers it itself, even later
		assertThat(client.emitWithAck("answer-later", "mine")).containsExactly("mine");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void answersAnAckOfOneNull(String transports) throws Exception {
		JavaClient client = connect(transports);
		assertThat(client.emitWithAck("answer-null")).containsExactly((Object) null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void emitsAnAttributeAsOneArgument(String transports) throws Exception {
		JavaClient client = connect(transports);
		client.socket().emit("nickname");
		assertThat(client.await("nickname")).containsExactly("ann");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void refusesUnknownNamespacesAndKeepsTheConnection(String transports) throws Exception {
		JavaClient main = connect(transports);
		JavaClient unknown = connect(transports, "/nowhere", Map.of());
		JSONObject error = (JSONObject) unknown.await(Socket.EVENT_CONNECT_ERROR)[0];
		assertThat(error.getString("message")).isEqualTo("Invalid namespace");
		assertThat(main.emitWithAck("sum", 1, 2)).containsExactly(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void connectsToDynamicNamespacesWithTheirVariables(String transports) throws Exception {
		DynamicNamespace workspaces = this.server.dynamicNamespace("/workspace-{id}");
		workspaces.on("where", (socket, args, ack) -> ack.send(socket.namespace().variables().get("id")));
		JavaClient client = connect(transports, "/workspace-42", Map.of()).awaitConnect();
		assertThat(client.emitWithAck("where")).containsExactly("42");
		assertThat(workspaces.namespaces()).extracting(Namespace::name).contains("/workspace-42");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling", UPGRADE })
	void reportsDisconnectReasonsOnBothSides(String transports) throws Exception {
		JavaClient kicked = connect(transports);
		String kickedId = kicked.socket().id();
		kicked.socket().emit("kick");
		assertThat(kicked.await(Socket.EVENT_DISCONNECT)).containsExactly("io server disconnect");
		assertThat(awaitDisconnect(kickedId)).isEqualTo("server namespace disconnect");

		JavaClient leaving = connect(transports);
		String leavingId = leaving.socket().id();
		leaving.socket().disconnect();
		assertThat(awaitDisconnect(leavingId)).isEqualTo("client namespace disconnect");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling" })
	void fetchesSocketsAndMovesThemBetweenRooms(String transports) throws Exception {
		JavaClient ann = connect(transports);
		JavaClient bob = connect(transports);
		List<RemoteSocket> sockets = this.server.fetchSockets().get(5, TimeUnit.SECONDS);
		assertThat(sockets).extracting(RemoteSocket::id).contains(ann.socket().id(), bob.socket().id());

		this.server.to(bob.socket().id()).socketsJoin("vip");
		this.server.to("vip").emit("vip", "welcome");
		assertThat(bob.await("vip")).containsExactly("welcome");
		assertThat(ann.receives("vip", 300)).isFalse();
		assertThat(socket(bob).rooms()).containsExactlyInAnyOrder(bob.socket().id(), "vip");
	}

	private RealtimeSocket socket(JavaClient client) {
		return this.server.sockets().sockets().stream()
			.filter((socket) -> socket.id().equals(client.socket().id()))
			.findFirst()
			.orElseThrow();
	}

	private String awaitDisconnect(String socketId) throws InterruptedException {
		return awaitEntry(this.chat.disconnected, socketId + " ").substring(socketId.length() + 1);
	}

	/** Waits for the entry of the handler queue that starts with this prefix; the context is shared by tests. */
	private static String awaitEntry(BlockingQueue<String> queue, String prefix) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JavaClient.WAIT_SECONDS);
		while (System.nanoTime() < deadline) {
			String entry = queue.poll(100, TimeUnit.MILLISECONDS);
			if (entry != null && entry.startsWith(prefix)) {
				return entry;
			}
		}
		throw new AssertionError("Nothing starting with " + prefix);
	}

}
