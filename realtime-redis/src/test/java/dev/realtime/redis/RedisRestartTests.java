package dev.realtime.redis;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes on a Redis of this test's own (the shared one must not be restarted), which stops and starts again.
 */
class RedisRestartTests {

	private Process redis;

	@AfterEach
	void stopRedis() throws InterruptedException {
		if (this.redis != null) {
			stop(this.redis);
		}
	}

	@Test
	void nodesDeliverLocallyWhileRedisIsDownAndMeetAgainWhenItIsBack() throws Exception {
		int port = freePort();
		this.redis = startRedis(port);
		String prefix = "realtime-restart-" + UUID.randomUUID();
		try (ClusterNode a = ClusterNode.start(prefix, port); ClusterNode b = ClusterNode.start(prefix, port)) {
			a.awaitNodes(2);
			JavaClient onA = JavaClient.connect(a.port(), "/", Map.of(), "websocket").awaitConnect();
			JavaClient onB = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect();
			a.server().emit("before", 1);
			assertThat(onB.await("before")).containsExactly(1);

			stop(this.redis);
			long start = System.nanoTime();
			a.server().emit("during", 2);
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(500);
			assertThat(onA.await("during")).containsExactly(2);
			awaitTrue(() -> a.adapterFactory().failedPublications() > 0, 15);
			assertThat(onB.receives("during", 100)).isFalse();

			this.redis = startRedis(port);
			awaitTrue(() -> {
				a.server().emit("after", 3);
				return onB.receives("after", 200);
			}, 30);
			a.awaitNodes(2);
			onA.close();
			onB.close();
		}
	}

	private static Process startRedis(int port) throws Exception {
		Process process;
		try {
			process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--save", "", "--appendonly",
					"no")
				.redirectOutput(new File("target/redis-" + port + ".log"))
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			assumeTrue(false, "redis-server is not on the PATH");
			throw ex;
		}
		awaitTrue(() -> {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return true;
			}
			catch (IOException ex) {
				return false;
			}
		}, 10);
		return process;
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(5, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
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
