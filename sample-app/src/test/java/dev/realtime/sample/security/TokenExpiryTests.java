package dev.realtime.sample.security;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.realtime.test.AutoConfigureRealtimeTestClient;
import dev.realtime.test.RealtimeTestClient;
import dev.realtime.test.TestSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as shipped, with short-lived tokens: its own {@code AuthenticationManager}, which erases credentials
 * after authentication, still lets the token's expiry end the socket's actions, then the socket; the expired token
 * cannot connect again, and a fresh token renewed in-band keeps a socket going.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chat.login.token-lifetime=6s", "realtime.security.expiry-grace=1s" })
@AutoConfigureRealtimeTestClient
class TokenExpiryTests {

	@Autowired
	private RealtimeTestClient client;

	@Autowired
	private TokenService tokens;

	@Test
	void anExpiredTokenIsRefusedItsSocketDisconnectedAndItCannotConnectAgain() throws Exception {
		IssuedToken token = this.tokens.issue("alice");
		TestSocket socket = connect(token);
		assertThat(muteNews(socket).containsKey("muted")).isTrue();

		sleepUntil(token.expiresAt());
		assertThat(muteNews(socket).get("name")).isEqualTo("AuthTokenExpiredError");
		assertThat(socket.awaitDisconnect()).isEqualTo("io server disconnect");

		assertThat(this.client.withTransports("websocket").connectError("/chat", auth(token)).message())
			.isEqualTo("Auth token expired");
	}

	@Test
	void aTokenRenewedInBandKeepsTheSocketGoing() throws Exception {
		IssuedToken token = this.tokens.issue("bob");
		TestSocket socket = connect(token);
		// halfway through the token's life, as a client renews ahead of the expiry
		sleepUntil(token.expiresAt().minusSeconds(3));
		IssuedToken fresh = this.tokens.issue("bob");
		assertThat(socket.emitWithAckAsync("#authenticate", auth(fresh)).join()).isEmpty();

		sleepUntil(token.expiresAt().plusMillis(500));
		assertThat(Instant.now()).isBefore(fresh.expiresAt());
		assertThat(muteNews(socket).containsKey("muted")).isTrue();
		assertThat(socket.isConnected()).isTrue();
	}

	private TestSocket connect(IssuedToken token) {
		return this.client.withTransports("websocket").connect("/chat", auth(token));
	}

	private static Map<String, String> auth(IssuedToken token) {
		return Map.of("token", token.value());
	}

	private static Map<?, ?> muteNews(TestSocket socket) {
		return (Map<?, ?>) socket.emitWithAck("mute-news", Map.of("muted", true));
	}

	private static void sleepUntil(Instant instant) throws InterruptedException {
		Thread.sleep(Math.max(0, instant.toEpochMilli() - System.currentTimeMillis() + 100));
	}

}
