package dev.realtime.server;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.realtime.engine.EngineServer;
import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the official Java client sees of a server that stops, on Tomcat. On Jetty the WebSocket ends with Jetty's
 * close frame, at which the Java client stops reading: it notices at its ping timeout.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ServerShutdownTests {

	@LocalServerPort
	int port;

	@Autowired
	EngineServer engineServer;

	@Test
	void clientsOfBothTransportsAreDisconnectedAtOnceNotAfterTheirPingTimeout() {
		JavaClient overWebSocket = JavaClient.connect(this.port, "/", Map.of(), "websocket").awaitConnect();
		JavaClient overPolling = JavaClient.connect(this.port, "/", Map.of(), "polling").awaitConnect();

		this.engineServer.close();

		// the WebSocket is cut with no close frame, at which the Java client (OkHttp) would stop reading
		assertThat(overWebSocket.await("disconnect")).containsExactly("transport error");
		assertThat(overPolling.await("disconnect")).containsAnyOf("transport close", "transport error");
	}

}
