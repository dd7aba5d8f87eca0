package dev.realtime.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.socket.client.IO;
import io.socket.client.Socket;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on another site cannot use a logged-in user's session cookie to open a socket in that user's name:
 * handshakes whose {@code Origin} is not the application's own are refused, over WebSocket and long-polling alike.
 */
@SpringBootTest(classes = { RealtimeTestApplication.class, SecurityTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class CrossSiteWebSocketHijackingTests {

	private static final String ATTACKER = "http://attacker.example";

	@LocalServerPort
	int port;

	private final List<JavaClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(JavaClient::close);
	}

	private JavaClient connectWithCookie(String cookie, String origin) {
		IO.Options options = IO.Options.builder()
			.setTransports(new String[] { "websocket" })
			.setExtraHeaders(Map.of(HttpHeaders.COOKIE, List.of(cookie), HttpHeaders.ORIGIN, List.of(origin)))
			.build();
		JavaClient client = JavaClient.connect(this.port, "/", options);
		this.clients.add(client);
		return client;
	}

	@Test
	void webSocketHandshakeFromAnotherSiteIsRefusedDespiteTheSessionCookie() throws Exception {
		String cookie = FormLogin.sessionCookie(this.port, "carol", "secret");
		JavaClient hijacker = connectWithCookie(cookie, ATTACKER);
		hijacker.await(Socket.EVENT_CONNECT_ERROR);
		assertThat(hijacker.socket().connected()).isFalse();

		JavaClient sameSite = connectWithCookie(cookie, "http://localhost:" + this.port).awaitConnect();
		assertThat(((JSONObject) sameSite.emitWithAck("whoami")[0]).getString("principal")).isEqualTo("carol");
	}

	@Test
	void pollingHandshakeFromAnotherSiteIsRefusedDespiteTheSessionCookie() throws Exception {
		String cookie = FormLogin.sessionCookie(this.port, "carol", "secret");
		assertThat(pollingHandshake(cookie, ATTACKER).statusCode()).isEqualTo(403);
		HttpResponse<String> sameSite = pollingHandshake(cookie, "http://localhost:" + this.port);
		assertThat(sameSite.statusCode()).isEqualTo(200);
		assertThat(sameSite.body()).startsWith("0{\"sid\":");
	}

	private HttpResponse<String> pollingHandshake(String cookie, String origin) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/socket.io/?EIO=4&transport=polling"))
				.header(HttpHeaders.COOKIE, cookie)
				.header(HttpHeaders.ORIGIN, origin)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
