package dev.realtime.web;

import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import dev.realtime.support.EngineClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * WebSocket: handshake over the socket, frames, limits, refused upgrades and server shutdown.
 */
class WebSocketIntegrationTests extends EngineIntegrationTests {

	@Test
	void webSocketHandshakeAndEcho() throws Exception {
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket");
		JsonNode value = EngineClient.handshakeValue((String) socket.next());
		assertThat(value.get("upgrades").toString()).isEqualTo("[]");
		String sid = value.get("sid").asString();
		socket.send("4hello");
		assertThat(socket.next()).isEqualTo("4hello");
		socket.send(new byte[] { 1, 2, 3, 4 });
		assertThat((byte[]) socket.next()).containsExactly(1, 2, 3, 4);
		String large = "4" + "y".repeat(100_000);
		socket.send(large);
		assertThat(socket.next()).isEqualTo(large);
		socket.webSocket.sendClose(1000, "").join();
		await().until(() -> this.listener.has("close:" + sid + ":transport close"));
	}

	@Test
	void webSocketParseErrorAndClosePacket() throws Exception {
		EngineClient.Socket broken = this.client.webSocket("&transport=websocket");
		String brokenSid = EngineClient.handshakeValue((String) broken.next()).get("sid").asString();
		broken.send("abc");
		broken.awaitClose();
		await().until(() -> this.listener.has("close:" + brokenSid + ":parse error"));
		EngineClient.Socket closing = this.client.webSocket("&transport=websocket");
		String closingSid = EngineClient.handshakeValue((String) closing.next()).get("sid").asString();
		closing.send("1");
		closing.awaitClose();
		await().until(() -> this.listener.has("close:" + closingSid + ":transport close"));
	}

	@Test
	void webSocketOverMaxPayloadIsClosed() throws Exception {
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket");
		String sid = EngineClient.handshakeValue((String) socket.next()).get("sid").asString();
		socket.webSocket.sendText("4" + "z".repeat(1_000_000), true);
		socket.awaitClose();
		await().until(() -> this.listener.count("close:" + sid) == 1);
		assertThat(this.listener.count("message:" + sid)).isZero();
	}

	@Test
	void webSocketWithInvalidQueryIsRefused() {
		EngineClient noVersion = new EngineClient(this.port, "/socket.io/") {
			@Override
			public String url(String query) {
				return super.url(query).replace("EIO=4&", "");
			}
		};
		for (String query : List.of("&transport=websocket", "", "&transport=abc")) {
			EngineClient client = query.isEmpty() ? this.client : noVersion;
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> client.webSocket(query))
				.havingCause()
				.isInstanceOfSatisfying(WebSocketHandshakeException.class,
						(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(400));
		}
	}

	@Test
	void webSocketFromForeignOriginIsForbidden() {
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.client.webSocket("&transport=websocket", "Origin", "http://evil.example"))
			.havingCause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(403));
	}

	@Test
	void serverShutdownClosesSessions() throws Exception {
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket");
		String sid = EngineClient.handshakeValue((String) socket.next()).get("sid").asString();
		this.server.close();
		assertThat(socket.next()).isEqualTo("1");
		socket.awaitClose();
		await().until(() -> this.listener.has("close:" + sid + ":server shutting down"));
		assertThat(this.server.sessionCount()).isZero();
	}

}
