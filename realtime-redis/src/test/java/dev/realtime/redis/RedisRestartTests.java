package dev.realtime.redis;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on a Redis of this test's own (the shared one must not be restarted), which stops and starts again on
 * the same port.
 */
class RedisRestartTests {

	private TestRedis redis;

	@AfterEach
	void stopRedis() {
		if (this.redis != null) {
			this.redis.stop();
		}
	}

	@Test
	void nodesDeliverLocallyWhileRedisIsDownAndMeetAgainWhenItIsBack() throws Exception {
		this.redis = TestRedis.startNew();
		int port = this.redis.port();
		String prefix = "realtime-restart-" + UUID.randomUUID();
		try (ClusterNode a = ClusterNode.start(prefix, port); ClusterNode b = ClusterNode.start(prefix, port)) {
			a.awaitNodes(2);
			JavaClient onA = JavaClient.connect(a.port(), "/", Map.of(), "websocket").awaitConnect();
			JavaClient onB = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect();
			a.server().emit("before", 1);
			assertThat(onB.await("before")).containsExactly(1);

			this.redis.stop();
			long start = System.nanoTime();
			a.server().emit("during", 2);
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
			assertThat(onA.await("during")).containsExactly(2);
			awaitTrue(() -> a.adapterFactory().failedPublications() > 0, 15);
			assertThat(onB.receives("during", 100)).isFalse();

			this.redis.start();
			awaitTrue(() -> {
				a.server().emit("after", 3);
				return onB.receives("after", 200);
			}, 30);
			a.awaitNodes(2);
			onA.close();
			onB.close();
		}
	}

	private static void awaitTrue(Condition condition, int seconds) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!condition.holds()) {
			assertThat(System.nanoTime()).as("condition within %ss", seconds).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	@FunctionalInterface
	private interface Condition {

		boolean holds() throws Exception;

	}

}
