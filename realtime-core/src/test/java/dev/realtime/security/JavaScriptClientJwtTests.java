package dev.realtime.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.realtime.support.NodeClient;
import dev.realtime.support.RealtimeTestApplication;
import dev.realtime.support.SignedTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed JWTs from the official JavaScript client: valid, expired and refused at the connection, and renewed in-band
 * with {@code #authenticate} past the first token's expiry.
 */
@SpringBootTest(classes = { RealtimeTestApplication.class, SecurityTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class JavaScriptClientJwtTests {

	@LocalServerPort
	int port;

	private JsonNode run(String token, List<String> renewals, Instant until) {
		return NodeClient.run("renewal.js", "http://localhost:" + this.port,
				Map.of("token", token, "renewals", renewals, "untilMs", until.toEpochMilli(), "timeoutMs", 30000));
	}

	private static Instant inSeconds(long seconds) {
		// a JWT's expiry is in whole seconds
		return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
	}

	private static String token(String subject, Instant expiresAt) {
		return SecurityTestConfiguration.JWTS.token(subject, expiresAt);
	}

	@Test
	void aValidTokenConnectsAndExpiredOrForgedOnesAreRefused() {
		Instant now = Instant.now();
		assertThat(run(token("alice", inSeconds(60)), List.of(), now).at("/whoami/0/principal").asString())
			.isEqualTo("alice");
		assertThat(run(token("alice", inSeconds(-120)), List.of(), now).at("/connectError/message").asString())
			.isEqualTo("Auth token expired");
		assertThat(run(new SignedTokens().token("alice", inSeconds(60)), List.of(), now).at("/connectError/message")
			.asString()).isEqualTo("Bad credentials");
	}

	@Test
	void aRenewedTokenKeepsTheSocketPastTheFirstTokensExpiry() {
		// long enough for a busy machine to start the client before it expires
		Instant expiresAt = inSeconds(10);
		JsonNode result = run(token("alice", expiresAt), List.of("bad", token("alice", inSeconds(60))),
				expiresAt.plus(SecurityTestConfiguration.GRACE).plusSeconds(1));
		assertThat(result.at("/renewals/0/0/message").asString()).isEqualTo("Bad credentials");
		assertThat(result.at("/renewals/1").size()).isZero();
		assertThat(result.at("/whoami/0/principal").asString()).isEqualTo("alice");
		assertThat(result.at("/disconnectReason").asString()).isEqualTo("io client disconnect");
	}

	@Test
	void withoutARenewalTheSocketIsDisconnectedAfterTheExpiryAndItsGrace() {
		Instant expiresAt = inSeconds(10);
		JsonNode result = run(token("alice", expiresAt), List.of(),
				expiresAt.plus(SecurityTestConfiguration.GRACE).plusSeconds(1));
		assertThat(result.at("/whoami").isNull()).as(result.toString()).isTrue();
		assertThat(result.at("/disconnectReason").asString()).isEqualTo("io server disconnect");
	}

}
