package dev.realtime.middleware;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.socket.client.Ack;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.realtime.middleware.RateLimitMiddleware.Limit;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;
import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link RateLimitMiddleware} against the official Java client, on a namespace of its own.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class RateLimitIntegrationTests {

	private static final int BURST = 10;

	@LocalServerPort
	int port;

	@Autowired
	RealtimeServer server;

	private JavaClient client;

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void answersActionsOverTheLimitWithTheErrorUntilTheBucketRefills() throws Exception {
		Namespace limited = this.server.namespace("/limited");
		// slow refill, so that a burst always overflows; events refill fast enough to pass again soon after
		limited.use(new RateLimitMiddleware(new Limit(3, 2), new Limit(1, 0.1)));
		limited.on("ping", (socket, args, ack) -> ack.send("pong"));
		this.client = JavaClient.connect(this.port, "/limited", Map.of(), "websocket").awaitConnect();

		List<Object> answers = burst("ping");
		assertThat(answers.subList(0, 3)).containsOnly("pong");
		assertRateLimited(answers.get(answers.size() - 1));

		List<Object> publishAnswers = burst("#publish", new JSONObject(Map.of("channel", "news", "data", "hi")));
		assertThat(publishAnswers.get(0)).isNull();
		assertRateLimited(publishAnswers.get(publishAnswers.size() - 1));

		await().atMost(Duration.ofSeconds(JavaClient.WAIT_SECONDS))
			.untilAsserted(() -> assertThat(this.client.emitWithAck("ping")).containsExactly("pong"));
	}

	/** Emits the event {@code BURST} times without waiting, and returns the first argument of each ack. */
	private List<Object> burst(String event, Object... args) throws Exception {
		List<CompletableFuture<Object[]>> acks = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			CompletableFuture<Object[]> ack = new CompletableFuture<>();
			List<Object> all = new ArrayList<>(List.of(args));
			all.add((Ack) ack::complete);
			this.client.socket().emit(event, all.toArray());
			acks.add(ack);
		}
		List<Object> answers = new ArrayList<>();
		for (CompletableFuture<Object[]> ack : acks) {
			Object[] answer = ack.get(JavaClient.WAIT_SECONDS, TimeUnit.SECONDS);
			answers.add((answer.length > 0) ? answer[0] : null);
		}
		return answers;
	}

	private static void assertRateLimited(Object answer) throws Exception {
		assertThat(answer).isInstanceOf(JSONObject.class);
		JSONObject error = (JSONObject) answer;
		assertThat(error.length()).as("message, data and code only").isEqualTo(3);
		assertThat(error.getString("message")).isEqualTo("Rate limit exceeded");
		assertThat(error.getString("code")).isEqualTo("RATE_LIMITED");
		assertThat(error.getJSONObject("data").getLong("retryAfterMs")).isPositive();
	}

}
