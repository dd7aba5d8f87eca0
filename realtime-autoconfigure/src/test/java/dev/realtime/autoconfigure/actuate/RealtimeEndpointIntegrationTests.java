package dev.realtime.autoconfigure.actuate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.socket.client.IO;
import io.socket.client.Socket;
import org.json.JSONArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.RealtimeSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with Actuator on a random port, exposing the endpoint with the one property a user sets, while the
 * Java client connects: the {@code realtime} health, the endpoint's namespaces, rooms and sockets, a socket's details
 * without its credentials, and a delete that disconnects it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=health,realtime",
				"management.endpoint.health.show-details=always", "realtime.admin-ui.server-id=node-a" })
class RealtimeEndpointIntegrationTests {

	private static final long TIMEOUT_SECONDS = 10;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper mapper = JsonMapper.shared();

	private final List<Socket> sockets = new ArrayList<>();

	@LocalServerPort
	private int port;

	@Autowired
	private RealtimeServer server;

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(Socket::close);
		await().until(() -> this.server.socketCount() == 0);
	}

	@Test
	void healthIsUpWithTheConnectionsAndTheAdaptersLink() throws Exception {
		connect("/", IO.Options.builder().setAuth(Map.of("user", "ann")).build());
		HttpResponse<String> health = get("/actuator/health/realtime");
		assertThat(health.statusCode()).isEqualTo(200);
		JsonNode body = this.mapper.readTree(health.body());
		assertThat(body.path("status").asString()).isEqualTo("UP");
		assertThat(body.path("details").path("connections").asInt()).isOne();
		assertThat(body.path("details").path("sockets").asInt()).isOne();
		assertThat(body.path("details").path("adapter").path("connected").asBoolean()).isTrue();
		assertThat(body.path("details").path("adapter").path("failedPublications").asLong()).isZero();
		assertThat(this.mapper.readTree(get("/actuator/health").body()).path("components").has("realtime")).isTrue();
	}

	@Test
	void listsTheNamespacesWithTheirSocketsAndLargestRoomsAndTheNode() throws Exception {
		Socket ann = connect("/", IO.Options.builder().setAuth(Map.of("user", "ann")).build());
		Socket bob = connect("/", IO.Options.builder().setAuth(Map.of("user", "bob")).build());
		connect("/chat", IO.Options.builder().setAuth(Map.of("user", "cy")).build());
		join(ann, "lobby", "ann-only");
		join(bob, "lobby");

		JsonNode realtime = this.mapper.readTree(get("/actuator/realtime").body());
		assertThat(realtime.path("node").path("id").asString()).isEqualTo("node-a");
		assertThat(realtime.path("node").path("connections").asInt()).isEqualTo(3);
		assertThat(realtime.path("node").path("sockets").asInt()).isEqualTo(3);
		assertThat(realtime.path("cluster").path("connected").asBoolean()).isTrue();
		assertThat(realtime.path("cluster").path("nodes").asInt()).isOne();
		JsonNode main = realtime.path("namespaces").get(0);
		assertThat(main.path("name").asString()).isEqualTo("/");
		assertThat(main.path("sockets").asInt()).isEqualTo(2);
		assertThat(main.path("roomCount").asInt()).isEqualTo(2);
		assertThat(this.mapper.convertValue(main.path("rooms"), List.class)).containsExactly(
				Map.of("name", "lobby", "sockets", 2), Map.of("name", "ann-only", "sockets", 1));
		JsonNode chat = realtime.path("namespaces").get(1);
		assertThat(chat.path("name").asString()).isEqualTo("/chat");
		assertThat(chat.path("sockets").asInt()).isOne();
		assertThat(chat.path("rooms").isEmpty()).isTrue();
	}

	@Test
	void showsASocketWithoutItsCredentials() throws Exception {
		IO.Options options = IO.Options.builder()
			.setAuth(Map.of("user", "ann", "password", "auth-secret"))
			.setQuery("room=lobby&token=query-secret")
			.setExtraHeaders(Map.of("Authorization", List.of("Bearer header-secret"), "Cookie",
					List.of("SESSION=cookie-secret"), "X-Client", List.of("tests")))
			.setTransports(new String[] { "websocket" })
			.build();
		Socket ann = connect("/", options);
		join(ann, "lobby");

		HttpResponse<String> response = get("/actuator/realtime/sockets/" + ann.id());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).doesNotContain("secret");
		JsonNode socket = this.mapper.readTree(response.body());
		assertThat(socket.path("id").asString()).isEqualTo(ann.id());
		assertThat(socket.path("namespace").asString()).isEqualTo("/");
		assertThat(socket.path("transport").asString()).isEqualTo("websocket");
		assertThat(socket.path("principal").asString()).isEqualTo("ann");
		assertThat(socket.path("connectedAt").asString()).isNotBlank();
		assertThat(socket.path("recovered").asBoolean()).isFalse();
		assertThat(this.mapper.convertValue(socket.path("rooms"), List.class)).containsExactly("lobby");
		JsonNode handshake = socket.path("handshake");
		assertThat(handshake.has("auth")).isFalse();
		assertThat(handshake.path("address").asString()).isEqualTo("127.0.0.1");
		assertThat(handshake.path("url").asString()).endsWith("/socket.io/");
		assertThat(handshake.path("headers").path("x-client").asString()).isEqualTo("tests");
		assertThat(handshake.path("headers").has("authorization")).isFalse();
		assertThat(handshake.path("headers").has("cookie")).isFalse();
		assertThat(handshake.path("query").path("room").asString()).isEqualTo("lobby");
		assertThat(handshake.path("query").path("EIO").asString()).isEqualTo("4");
		assertThat(handshake.path("query").has("token")).isFalse();
	}

	@Test
	void answersNotFoundForASocketThatIsNotHere() throws Exception {
		assertThat(get("/actuator/realtime/sockets/unknown").statusCode()).isEqualTo(404);
		Socket ann = connect("/", IO.Options.builder().setAuth(Map.of("user", "ann")).build());
		assertThat(get("/actuator/realtime/rooms/" + ann.id()).statusCode()).isEqualTo(404);
		assertThat(delete("/actuator/realtime/sockets/unknown").statusCode()).isEqualTo(404);
	}

	@Test
	void aDeleteDisconnectsTheSocket() throws Exception {
		Socket ann = connect("/", IO.Options.builder().setAuth(Map.of("user", "ann")).build());
		String id = ann.id();
		CompletableFuture<Object> disconnected = new CompletableFuture<>();
		ann.once(Socket.EVENT_DISCONNECT, (args) -> disconnected.complete(args[0]));

		assertThat(delete("/actuator/realtime/sockets/" + id).statusCode()).isEqualTo(204);
		assertThat(disconnected.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("io server disconnect");
		await().until(() -> this.server.socket(id) == null);
		assertThat(get("/actuator/realtime/sockets/" + id).statusCode()).isEqualTo(404);
	}

	private Socket connect(String namespace, IO.Options options) throws Exception {
		options.forceNew = true;
		options.reconnection = false;
		Socket socket = IO.socket(URI.create("http://localhost:" + this.port + namespace), options);
		this.sockets.add(socket);
		CompletableFuture<Void> connected = new CompletableFuture<>();
		socket.once(Socket.EVENT_CONNECT, (args) -> connected.complete(null));
		socket.connect();
		connected.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		return socket;
	}

	private static void join(Socket socket, String... rooms) throws Exception {
		CompletableFuture<Object[]> joined = new CompletableFuture<>();
		socket.emit("join", new Object[] { new JSONArray(List.of(rooms)) }, joined::complete);
		joined.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> delete(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class RoomsApplication {

		@Bean
		RoomsController roomsController() {
			return new RoomsController();
		}

		@Bean
		ChatController chatController() {
			return new ChatController();
		}

		/** The user the client names, as an authentication middleware would establish it. */
		@Bean
		ConnectMiddleware namedUser() {
			return (context, next) -> {
				String user = String.valueOf(context.auth().get("user"));
				context.setPrincipal((Principal) () -> user);
				next.proceed();
			};
		}

	}

	@RealtimeController
	static class RoomsController {

		@OnEvent("join")
		String join(RealtimeSocket socket, List<String> rooms) {
			rooms.forEach(socket::join);
			return "joined";
		}

	}

	@RealtimeController("/chat")
	static class ChatController {

		@OnEvent("message")
		void message(String text) {
		}

	}

}
