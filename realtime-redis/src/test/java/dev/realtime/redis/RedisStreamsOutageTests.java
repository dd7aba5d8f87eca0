package dev.realtime.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on the Redis Streams adapter, one of which reaches Redis through a proxy that cuts it off for a while:
 * what it delivers meanwhile, what it reports, and what it reads once it is back.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisStreamsOutageTests {

	private static final Logger logger = LoggerFactory.getLogger(RedisStreamsOutageTests.class);

	private static final int MESSAGES = 10;

	// the re-link is timed to this precision
	private static final Duration POLL = Duration.ofMillis(20);

	@Test
	void aNodeCutOffFromRedisDeliversLocallyCountsWhatItCouldNotWriteAndReadsWhatItMissedWhenBack(
			CapturedOutput output) throws Exception {
		String prefix = "realtime-streams-outage-" + UUID.randomUUID();
		int redisPort = TestRedis.shared().port();
		try (TcpProxy network = TcpProxy.to(redisPort);
				ClusterNode a = ClusterNode.startOnStreams(prefix, network.port());
				ClusterNode b = ClusterNode.startOnStreams(prefix, redisPort)) {
			a.awaitNodes(2);
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(POLL)
				.until(() -> a.server().adapterStatus().connected() && b.server().adapterStatus().connected());
			JavaClient onA = JavaClient.connect(a.port(), "/", Map.of(), "websocket").awaitConnect();
			JavaClient onB = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect();
			a.server().emit("before", 1);
			assertThat(onB.await("before")[0]).isEqualTo(1);
			assertThat(onA.await("before")[0]).isEqualTo(1);

			network.cut();
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(POLL)
				.until(() -> !a.server().adapterStatus().connected());
			long failedBefore = a.server().adapterStatus().failedPublications();
			for (int i = 0; i < MESSAGES; i++) {
				b.server().emit("while-cut-off", i);
				assertThat(onB.await("while-cut-off")[0]).isEqualTo(i);
			}
			for (int i = 0; i < MESSAGES; i++) {
				a.server().emit("local", i);
			}
			for (int i = 0; i < MESSAGES; i++) {
				assertThat(onA.await("local")[0]).as("local delivery goes on").isEqualTo(i);
			}
			assertThat(a.server().adapterStatus().failedPublications() - failedBefore).as("counted")
				.isEqualTo(MESSAGES);
			assertThat(onA.receives("while-cut-off", 0)).isFalse();

			long back = System.nanoTime();
			network.resume();
			List<Object> missed = onA.awaitFirstArguments("while-cut-off", MESSAGES);
			logger.info("The node read what it missed {} ms after it could reach Redis again",
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - back));
			assertThat(missed).as("read from the stream once back, in order").isEqualTo(sequence());
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(POLL)
				.until(() -> a.server().adapterStatus().connected());

			for (int i = 0; i < MESSAGES; i++) {
				a.server().emit("after", i);
			}
			assertThat(onB.awaitFirstArguments("after", MESSAGES)).as("nothing lost once back").isEqualTo(sequence());
			// the stream is in order: a write of the outage that went out late would have come before these
			assertThat(onB.receives("local", 0)).as("what could not be written is not sent late").isFalse();
			assertThat(output.toString().split("Could not publish to Redis stream", -1)).as("logged once")
				.hasSize(2);
			onA.close();
			onB.close();
		}
	}

	private static List<Object> sequence() {
		List<Object> sequence = new ArrayList<>();
		for (int i = 0; i < MESSAGES; i++) {
			sequence.add(i);
		}
		return sequence;
	}

}
