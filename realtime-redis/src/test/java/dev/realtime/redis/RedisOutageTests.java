package dev.realtime.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on a Redis of this test's own (the shared one must not be stopped), which stops for a while and starts
 * again on the same port: what each node does meanwhile, and what it reports.
 */
class RedisOutageTests {

	private static final Logger logger = LoggerFactory.getLogger(RedisOutageTests.class);

	private static final int MESSAGES = 20;

	// the re-link is timed to this precision
	private static final Duration POLL = Duration.ofMillis(20);

	private TestRedis redis;

	@AfterEach
	void stopRedis() {
		if (this.redis != null) {
			this.redis.stop();
		}
	}

	@Test
	void publicationsDuringAnOutageAreDroppedAndCountedNeverDeliveredLateAndNothingIsLostOnceLinkedAgain()
			throws Exception {
		this.redis = TestRedis.startNew();
		String prefix = "realtime-outage-" + UUID.randomUUID();
		try (ClusterNode a = ClusterNode.start(prefix, this.redis.port());
				ClusterNode b = ClusterNode.start(prefix, this.redis.port())) {
			a.awaitNodes(2);
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(POLL)
				.until(() -> a.server().adapterStatus().connected() && b.server().adapterStatus().connected());
			JavaClient onA = JavaClient.connect(a.port(), "/", Map.of(), "websocket").awaitConnect();
			JavaClient onB = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect();
			List<Object> duringOnB = new CopyOnWriteArrayList<>();
			onB.socket().on("during", (args) -> duringOnB.add(args[0]));
			a.server().emit("before", 1);
			assertThat(onB.await("before")).containsExactly(1);

			this.redis.stop();
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(POLL)
				.until(() -> !a.server().adapterStatus().connected() && !b.server().adapterStatus().connected());
			long failedBefore = a.server().adapterStatus().failedPublications();
			// an outage of about 10 s, long enough for the Redis client's reconnection attempts to space out
			for (int i = 0; i < MESSAGES; i++) {
				a.server().emit("during", i);
				assertThat(onA.await("during")).as("local delivery goes on").containsExactly(i);
				Thread.sleep(400);
			}
			// every publication waits at most the timeout (1 s): all of them have failed once it passed
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(POLL)
				.until(() -> a.server().adapterStatus().failedPublications() - failedBefore == MESSAGES);

			long restarted = System.nanoTime();
			this.redis.start();
			await().atMost(Duration.ofSeconds(15))
				.pollInterval(POLL)
				.until(() -> a.server().adapterStatus().connected() && b.server().adapterStatus().connected());
			logger.info("Both nodes linked again {} ms after Redis started",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted));

			List<Object> expected = new ArrayList<>();
			for (int i = 0; i < MESSAGES; i++) {
				a.server().emit("after", i);
				b.server().emit("back", i);
				expected.add(i);
			}
			assertThat(onB.awaitFirstArguments("after", MESSAGES)).as("nothing lost once linked, A to B")
				.isEqualTo(expected);
			assertThat(onA.awaitFirstArguments("back", MESSAGES)).as("nothing lost once linked, B to A")
				.isEqualTo(expected);
			// Redis delivers in order: had a dropped publication been replayed, it would have come before these
			assertThat(duringOnB).as("no publication of the outage delivered late").isEmpty();
			onA.close();
			onB.close();
		}
	}

}
