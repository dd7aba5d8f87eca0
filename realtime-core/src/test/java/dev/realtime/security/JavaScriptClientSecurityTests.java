package dev.realtime.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.realtime.support.NodeClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid, missing, bad and expired tokens from the official JavaScript client, sent as browsers send them: in the
 * CONNECT {@code auth} payload.
 */
@SpringBootTest(classes = { RealtimeTestApplication.class, SecurityTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class JavaScriptClientSecurityTests {

	@LocalServerPort
	int port;

	private JsonNode connect(Map<String, Object> auth) {
		return NodeClient.run("connect.js", "http://localhost:" + this.port,
				Map.of("namespace", "/", "auth", auth, "expect", "", "emit", "whoami", "args", List.of()));
	}

	@Test
	void validTokenConnectsAsItsUser() {
		JsonNode result = connect(Map.of("token", TestTokens.token("alice")));
		assertThat(result.at("/connected").asBoolean()).isTrue();
		assertThat(result.at("/ack/0/principal").asString()).isEqualTo("alice");
		assertThat(result.at("/ack/0/securityContext").asString()).isEqualTo("alice");
	}

	@Test
	void missingBadAndExpiredTokensAreRefusedWithWhatFailed() {
		assertThat(connect(Map.of()).at("/connectError/message").asString()).isEqualTo("Missing credentials");
		assertThat(connect(Map.of("token", "bad")).at("/connectError/message").asString()).isEqualTo("Bad credentials");
		JsonNode expired = connect(Map.of("token", TestTokens.expiring("alice", Instant.now().minusSeconds(60))));
		assertThat(expired.at("/connected").asBoolean()).isFalse();
		assertThat(expired.at("/connectError/message").asString()).isEqualTo("Auth token expired");
	}

}
