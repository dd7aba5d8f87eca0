package dev.realtime.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import dev.realtime.support.EngineClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Heartbeat with the protocol test suite's 300 ms ping interval and 200 ms ping timeout.
 */
class HeartbeatIntegrationTests extends EngineIntegrationTests {

	@Test
	void pollingPingPong() throws Exception {
		String sid = this.heartbeatClient.handshake();
		for (int i = 0; i < 3; i++) {
			assertThat(this.heartbeatClient.get("&transport=polling&sid=" + sid).body()).isEqualTo("2");
			assertThat(this.heartbeatClient.post("&transport=polling&sid=" + sid, "3").statusCode()).isEqualTo(200);
		}
		assertThat(this.heartbeatListener.count("close:" + sid)).isZero();
	}

	@Test
	void pollingPingTimeout() throws Exception {
		String sid = this.heartbeatClient.handshake();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.heartbeatListener.has("close:" + sid + ":ping timeout"));
		assertThat(this.heartbeatClient.get("&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
	}

	@Test
	void webSocketPingPongAndTimeout() throws Exception {
		EngineClient.Socket socket = this.heartbeatClient.webSocket("&transport=websocket");
		String sid = EngineClient.handshakeValue((String) socket.next()).get("sid").asString();
		for (int i = 0; i < 3; i++) {
			assertThat(socket.next()).isEqualTo("2");
			socket.send("3");
		}
		assertThat(socket.next()).isEqualTo("2");
		socket.awaitClose();
		await().until(() -> this.heartbeatListener.has("close:" + sid + ":ping timeout"));
		assertThat(this.heartbeatListener.count("close:" + sid)).isEqualTo(1);
	}

}
