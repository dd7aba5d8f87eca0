package dev.realtime.sample.security;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as shipped, with short-lived tokens: its own {@code AuthenticationManager}, which erases credentials
 * after authentication, still lets the token's expiry end the socket's actions, then the socket; the expired token
 * cannot connect again, and a fresh token renewed in-band keeps a socket going.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chat.login.token-lifetime=6s", "realtime.security.expiry-grace=1s" })
class TokenExpiryTests {

	private static final long TIMEOUT_SECONDS = 10;

	@LocalServerPort
	private int port;

	@Autowired
	private TokenService tokens;

	@Test
	void anExpiredTokenIsRefusedItsSocketDisconnectedAndItCannotConnectAgain() throws Exception {
		IssuedToken token = this.tokens.issue("alice");
		Socket socket = socket(token.value());
		BlockingQueue<Object[]> disconnects = events(socket, Socket.EVENT_DISCONNECT);
		connect(socket);
		assertThat(muteNews(socket).has("muted")).isTrue();

		sleepUntil(token.expiresAt());
		assertThat(muteNews(socket).getString("name")).isEqualTo("AuthTokenExpiredError");
		assertThat(disconnects.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).containsExactly("io server disconnect");

		Socket again = socket(token.value());
		CompletableFuture<JSONObject> refused = new CompletableFuture<>();
		again.once(Socket.EVENT_CONNECT_ERROR, (args) -> refused.complete((JSONObject) args[0]));
		again.connect();
		assertThat(refused.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getString("message")).isEqualTo("Auth token expired");
		again.close();
	}

	@Test
	void aTokenRenewedInBandKeepsTheSocketGoing() throws Exception {
		IssuedToken token = this.tokens.issue("bob");
		Socket socket = socket(token.value());
		connect(socket);
		// halfway through the token's life, as a client renews ahead of the expiry
		sleepUntil(token.expiresAt().minusSeconds(3));
		IssuedToken fresh = this.tokens.issue("bob");
		CompletableFuture<Object[]> renewed = new CompletableFuture<>();
		socket.emit("#authenticate", new JSONObject().put("token", fresh.value()), (Ack) renewed::complete);
		assertThat(renewed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEmpty();

		sleepUntil(token.expiresAt().plusMillis(500));
		assertThat(Instant.now()).isBefore(fresh.expiresAt());
		assertThat(muteNews(socket).has("muted")).isTrue();
		assertThat(socket.connected()).isTrue();
		socket.close();
	}

	private Socket socket(String token) {
		IO.Options options = IO.Options.builder()
			.setAuth(Map.of("token", token))
			.setTransports(new String[] { "websocket" })
			.setReconnection(false)
			.setForceNew(true)
			.build();
		return IO.socket(URI.create("http://localhost:" + this.port + "/chat"), options);
	}

	private static void connect(Socket socket) throws Exception {
		CompletableFuture<Object[]> connected = new CompletableFuture<>();
		socket.once(Socket.EVENT_CONNECT, connected::complete);
		socket.connect();
		connected.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	private static BlockingQueue<Object[]> events(Socket socket, String event) {
		BlockingQueue<Object[]> received = new LinkedBlockingQueue<>();
		socket.on(event, received::add);
		return received;
	}

	private static JSONObject muteNews(Socket socket) throws Exception {
		CompletableFuture<Object[]> answer = new CompletableFuture<>();
		socket.emit("mute-news", new JSONObject().put("muted", true), (Ack) answer::complete);
		return (JSONObject) answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)[0];
	}

	private static void sleepUntil(Instant instant) throws InterruptedException {
		Thread.sleep(Math.max(0, instant.toEpochMilli() - System.currentTimeMillis() + 100));
	}

}
