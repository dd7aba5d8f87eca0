package dev.realtime.server;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import dev.realtime.support.NodeClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server against the official JavaScript client ({@code protocol.js}), over WebSocket only, long-polling only,
 * and polling upgraded to WebSocket.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ChatController.class)
class JavaScriptClientIntegrationTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "polling", "polling,websocket" })
	void speaksSocketIoAsTheJavaScriptClientExpects(String transports) {
		JsonNode result = NodeClient.run("protocol.js", "http://localhost:" + this.port,
				Map.of("transports", List.of(transports.split(","))));
		assertThat(result.at("/distinctIds").asBoolean()).isTrue();
		assertThat(result.at("/joined").asString()).isEqualTo("joined lobby");
		assertThat(result.at("/messageAck/delivered").asBoolean()).isTrue();
		assertThat(result.at("/bobReceived/from").asString()).isEqualTo("ann");
		assertThat(result.at("/bobReceived/text").asString()).isEqualTo("hello");
		assertThat(result.at("/annEcho").isNull()).isTrue();
		assertThat(result.at("/sum").asInt()).isEqualTo(42);
		assertThat(result.at("/binary").toString()).isEqualTo("[3,2,1]");
		assertThat(result.at("/serverAsked").asString()).isEqualTo("bob says yes");
		assertThat(result.at("/unknownNamespace").asString()).isEqualTo("Invalid namespace");
		assertThat(result.at("/kickedReason").asString()).isEqualTo("io server disconnect");
		assertThat(result.at("/leftReason").asString()).isEqualTo("io client disconnect");
	}

}
