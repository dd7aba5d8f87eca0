package dev.realtime.redis;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.realtime.server.DisconnectReason;
import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A node on the Redis adapter that stops, as a rolling restart stops it. */
@ExtendWith(OutputCaptureExtension.class)
class NodeShutdownTests {

	@Test
	void stoppingANodeDisconnectsItsSocketsAsShuttingDownAndClosesTheAdaptersWhileRedisIsOpen(CapturedOutput output) {
		List<DisconnectReason> reasons = new CopyOnWriteArrayList<>();
		ClusterNode node = ClusterNode.start("realtime-shutdown-" + UUID.randomUUID(), TestRedis.shared().port(),
				"server.shutdown=graceful");
		node.server().namespace("/").onDisconnect((socket, reason) -> reasons.add(reason));
		node.server().namespace("/chat").onDisconnect((socket, reason) -> reasons.add(reason));
		JavaClient overWebSocket = JavaClient.connect(node.port(), "/", Map.of(), "websocket").awaitConnect();
		// a polling client's GET is held by the server: it must not keep the graceful shutdown waiting
		JavaClient overPolling = JavaClient.connect(node.port(), "/chat", Map.of(), "polling").awaitConnect();

		node.close();

		await().until(() -> reasons.size() == 2);
		assertThat(reasons).containsExactly(DisconnectReason.SERVER_SHUTTING_DOWN,
				DisconnectReason.SERVER_SHUTTING_DOWN);
		assertThat(overWebSocket.await("disconnect")).isNotEmpty();
		assertThat(overPolling.await("disconnect")).isNotEmpty();
		assertThat(output).doesNotContain("propagated an exception", "Connection is closed", "Graceful shutdown aborted");
	}

}
