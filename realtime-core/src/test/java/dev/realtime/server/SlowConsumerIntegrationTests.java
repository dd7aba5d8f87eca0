package dev.realtime.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;
import dev.realtime.support.StalledClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that stops reading, beside healthy ones that receive a continuous broadcast: the healthy ones get every
 * message, in order, and the stalled one alone is cut once its unsent output passes the bound. Heartbeats are
 * slow here, so that the bound and not the ping timeout ends the stalled client.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "test.max-buffered-bytes=262144", "test.ping-interval=60s" })
@Import(ChatController.class)
@ExtendWith(OutputCaptureExtension.class)
class SlowConsumerIntegrationTests {

	private static final int HEALTHY = 6;

	// far past the bound plus what the kernel buffers for the stalled connection (4 MB on Linux)
	private static final int MESSAGES = 400;

	private static final String PAYLOAD = "x".repeat(16 * 1024);

	@LocalServerPort
	int port;

	@Autowired
	RealtimeServer server;

	@Autowired
	ChatController controller;

	private final List<JavaClient> healthy = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.healthy.forEach(JavaClient::close);
		awaitRoomSize(0);
		this.controller.disconnected.clear();
	}

	@Test
	void webSocketClientThatStopsReadingHoldsUpNobodyAndIsCut(CapturedOutput output) throws Exception {
		joinHealthyClients("websocket");
		try (StalledClient stalled = StalledClient.webSocket(this.port, "feed")) {
			awaitRoomSize(HEALTHY + 1);
			broadcast();
			assertEveryHealthyClientGotEveryMessageInOrder();
			assertThat(this.controller.disconnected.poll(10, TimeUnit.SECONDS)).endsWith(" transport error");
			assertThat(this.controller.disconnected).isEmpty();
			assertThat(stalled.closedByServer(Duration.ofSeconds(10))).isTrue();
		}
		assertThat(output).contains("(websocket): the client does not read, and its unsent output passed "
				+ "realtime.max-buffered-bytes (262144 bytes)");
	}

	@Test
	void pollingClientThatStopsPollingHoldsUpNobodyAndIsCut(CapturedOutput output) throws Exception {
		joinHealthyClients("polling", "websocket");
		StalledClient.polling(this.port, "feed");
		awaitRoomSize(HEALTHY + 1);
		broadcast();
		assertEveryHealthyClientGotEveryMessageInOrder();
		assertThat(this.controller.disconnected.poll(10, TimeUnit.SECONDS)).endsWith(" transport error");
		assertThat(this.controller.disconnected).isEmpty();
		assertThat(output).contains("(polling): the client does not read, and its unsent output passed "
				+ "realtime.max-buffered-bytes (262144 bytes)");
	}

	@Test
	void volatileEmitsAreNeverQueuedForAClientThatStopsReading() throws Exception {
		joinHealthyClients("websocket");
		try (StalledClient stalled = StalledClient.webSocket(this.port, "feed")) {
			awaitRoomSize(HEALTHY + 1);
			for (int i = 0; i < MESSAGES; i++) {
				this.server.to("feed").asVolatile().emit("tick", i, PAYLOAD);
				Thread.sleep(5);
			}
			this.server.to("feed").emit("done");
			// what the stalled client missed was dropped, not queued: it is still connected, far past the bound
			assertThat(this.controller.disconnected.poll(1, TimeUnit.SECONDS)).isNull();
			for (JavaClient client : this.healthy) {
				client.await("done");
			}
		}
	}

	@Test
	void volatileEmitToAPollingClientWithoutAWaitingPollIsDropped() throws Exception {
		String session = StalledClient.polling(this.port, "feed");
		awaitRoomSize(1);
		this.server.to("feed").asVolatile().emit("dropped");
		this.server.to("feed").emit("kept");
		String payload = StalledClient.poll(session);
		assertThat(payload).contains("kept").doesNotContain("dropped");
		StalledClient.closePolling(session);
	}

	private void joinHealthyClients(String... transports) throws Exception {
		for (int i = 0; i < HEALTHY; i++) {
			JavaClient client = JavaClient.connect(this.port, "/", Map.of(), transports).awaitConnect();
			this.healthy.add(client);
			assertThat(client.emitWithAck("join", "feed")).containsExactly("joined feed");
		}
	}

	private void awaitRoomSize(int size) {
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.server.in("feed").fetchSockets().get().size() == size);
	}

	/** A steady stream, as a chat or a ticker sends it: a message every few milliseconds. */
	private void broadcast() throws InterruptedException {
		for (int i = 0; i < MESSAGES; i++) {
			this.server.to("feed").emit("tick", i, PAYLOAD);
			Thread.sleep(5);
		}
	}

	private void assertEveryHealthyClientGotEveryMessageInOrder() {
		for (JavaClient client : this.healthy) {
			for (int i = 0; i < MESSAGES; i++) {
				Object[] tick = client.await("tick");
				assertThat(tick[0]).isEqualTo(i);
				assertThat(tick[1]).isEqualTo(PAYLOAD);
			}
		}
	}

}
