package dev.realtime.web;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.realtime.support.EngineClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Malformed requests get Engine.IO's own 400 (or 403) answer, never a server error, and leave no stack trace in the
 * log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestIntegrationTests extends EngineIntegrationTests {

	private static final String VALID_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

	private static final String BAD_REQUEST = "{\"code\":3,\"message\":\"Bad request\"}";

	@Test
	void malformedEscapesInTheQueryAreKeptAsTheyAre(CapturedOutput output) throws Exception {
		// a request that the JDK's client refuses to send
		RawHttp.Response response = exchange("GET /socket.io/?EIO=4&transport=polling&x=%zz&y=100%&name=%C3%A9 HTTP/1.1"
				+ "\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(response.status()).isEqualTo(200);
		String sid = EngineClient.handshakeValue(response.body()).get("sid").asString();
		await().until(() -> this.listener.has("open:" + sid));
		assertThat(this.server.session(sid).request().queryParam("x")).isEqualTo("%zz");
		assertThat(this.server.session(sid).request().queryParam("y")).isEqualTo("100%");
		assertThat(this.server.session(sid).request().queryParam("name")).isEqualTo("é");
		assertThat(output).doesNotContain("\tat ");
	}

	static Stream<Arguments> malformedUpgrades() {
		return Stream.of(Arguments.of("no key", "?EIO=4&transport=websocket", "Connection: Upgrade", null, "13"),
				Arguments.of("key of 15 bytes", "?EIO=4&transport=websocket", "Connection: Upgrade",
						"AAAAAAAAAAAAAAAAAAAA", "13"),
				Arguments.of("key not base64", "?EIO=4&transport=websocket", "Connection: Upgrade", "not a key!", "13"),
				Arguments.of("version 8", "?EIO=4&transport=websocket", "Connection: Upgrade", VALID_KEY, "8"),
				Arguments.of("no version", "?EIO=4&transport=websocket", "Connection: Upgrade", VALID_KEY, null),
				Arguments.of("malformed escape", "?EIO=4&transport=websocket&x=%zz", "Connection: Upgrade", VALID_KEY,
						"13"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedUpgrades")
	void malformedUpgradeIsABadRequest(String problem, String query, String connection, String key, String version,
			CapturedOutput output) throws Exception {
		RawHttp.Response response = exchange("GET /socket.io/" + query + " HTTP/1.1\r\nHost: localhost\r\n"
				+ "Upgrade: websocket\r\n" + connection + "\r\n" + ((key != null) ? "Sec-WebSocket-Key: " + key + "\r\n" : "")
				+ ((version != null) ? "Sec-WebSocket-Version: " + version + "\r\n" : "") + "\r\n");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(BAD_REQUEST);
		assertThat(output).doesNotContain("\tat ");
	}

	@Test
	void wellFormedUpgradeIsAccepted() throws Exception {
		RawHttp.Response response = exchange("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost\r\n"
				+ "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\nSec-WebSocket-Key: " + VALID_KEY
				+ "\r\nSec-WebSocket-Version: 13\r\n\r\n");
		assertThat(response.status()).isEqualTo(101);
	}

	@Test
	void upgradeWithAnotherMethodIsABadHandshakeMethod() throws Exception {
		RawHttp.Response response = exchange("POST /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost\r\n"
				+ "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + VALID_KEY
				+ "\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
	}

	@Test
	void formEncodedPutWithAMalformedBodyIsRefusedByTheEndpoint(CapturedOutput output) throws Exception {
		String body = "%zz=%&a";
		RawHttp.Response response = exchange("PUT /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: localhost\r\n"
				+ "Connection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
				+ body.length() + "\r\n\r\n" + body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
		assertThat(output).doesNotContain("\tat ");
	}

	@Test
	void originThatIsNotAnOriginIsForbidden() throws Exception {
		RawHttp.Response response = exchange("GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: localhost:"
				+ this.port + "\r\nConnection: close\r\nOrigin: http://localhost:" + this.port + "/" + "o".repeat(7_000) + "\r\n\r\n");
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void preflightDoesNotEchoAnOverlongHeaderList(CapturedOutput output) throws Exception {
		RawHttp.Response response = exchange("OPTIONS /socket.io/?EIO=4&transport=polling HTTP/1.1\r\n"
				+ "Host: localhost:" + this.port + "\r\nConnection: close\r\nOrigin: http://localhost:" + this.port + "\r\n"
				+ "Access-Control-Request-Headers: " + "a".repeat(7_000) + "\r\n\r\n");
		assertThat(response.status()).isEqualTo(204);
		assertThat(response.head()).doesNotContainIgnoringCase("Access-Control-Allow-Headers");
		assertThat(output).doesNotContain("\tat ");
	}

	private RawHttp.Response exchange(String request) throws Exception {
		RawHttp.Response response = RawHttp.exchange(this.port, request.getBytes(StandardCharsets.ISO_8859_1), false);
		assertThat(response).isNotNull();
		return response;
	}

}
