package dev.realtime.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link NodeClient}, with no server: they prove Node and the pinned client are installed and that
 * results and failures come back as documented.
 */
class NodeClientTests {

	@Test
	void returnsTheJsonTheScriptPrinted() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0)) {
			port = closed.getLocalPort();
		}
		JsonNode result = NodeClient.run("connect.js", "http://127.0.0.1:" + port + "/");
		assertThat(result.get("connected").asBoolean()).isFalse();
		assertThat(result.at("/connectError/message").asString()).isEqualTo("xhr poll error");
	}

	@Test
	void failsWithTheStandardErrorOfAFailedScript() throws IOException {
		// the listening socket accepts connections into its backlog and never answers
		try (ServerSocket silent = new ServerSocket(0)) {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> NodeClient.run("connect.js", "http://127.0.0.1:" + silent.getLocalPort(),
						Map.of("timeoutMs", 500)))
				.withMessageContaining("connect.js exited with 1")
				.withMessageContaining("scenario did not finish within 500 ms");
		}
	}

	@Test
	void failsForAMissingScript() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> NodeClient.run("missing.js", "http://127.0.0.1:1"))
			.withMessageContaining("No script");
	}

}
