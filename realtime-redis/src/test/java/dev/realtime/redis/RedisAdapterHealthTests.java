package dev.realtime.redis;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The realtime health and endpoint of two nodes on a Redis of this test's own, which stops for a while: DOWN with the
 * failed publications while Redis is away, readiness UP all along (local delivery goes on), UP again once linked.
 */
class RedisAdapterHealthTests {

	private static final String[] ACTUATOR = { "management.endpoints.web.exposure.include=health,realtime",
			"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true" };

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper mapper = JsonMapper.shared();

	private TestRedis redis;

	@AfterEach
	void stopRedis() {
		if (this.redis != null) {
			this.redis.stop();
		}
	}

	@Test
	void realtimeHealthIsDownWhileRedisIsUnreachableButReadinessStaysUp() throws Exception {
		this.redis = TestRedis.startNew();
		String prefix = "realtime-health-" + UUID.randomUUID();
		try (ClusterNode a = ClusterNode.start(prefix, this.redis.port(), ACTUATOR);
				ClusterNode b = ClusterNode.start(prefix, this.redis.port(), ACTUATOR)) {
			a.awaitNodes(2);
			await().until(() -> health(a).path("status").asString().equals("UP"));
			JavaClient client = JavaClient.connect(a.port(), "/", Map.of(), "websocket").awaitConnect();
			JsonNode cluster = json(get(a, "/actuator/realtime")).path("cluster");
			assertThat(cluster.path("connected").asBoolean()).isTrue();
			assertThat(cluster.path("nodes").asInt()).isEqualTo(2);
			assertThat(health(a).path("details").path("connections").asInt()).isOne();

			this.redis.stop();
			await().until(() -> get(a, "/actuator/health/realtime").statusCode() == 503);
			long failedBefore = health(a).path("details").path("adapter").path("failedPublications").asLong();
			a.server().emit("during", 1);
			assertThat(client.await("during")).as("local delivery goes on").containsExactly(1);
			// a publication fails once it waited the timeout (1 s) for Redis
			await().until(() -> health(a).path("details").path("adapter").path("failedPublications").asLong()
					== failedBefore + 1);
			JsonNode down = health(a);
			assertThat(down.path("status").asString()).isEqualTo("DOWN");
			assertThat(down.path("details").path("adapter").path("connected").asBoolean()).isFalse();
			assertThat(get(a, "/actuator/health/readiness").statusCode()).isEqualTo(200);
			assertThat(get(a, "/actuator/health/liveness").statusCode()).isEqualTo(200);
			cluster = json(get(a, "/actuator/realtime")).path("cluster");
			assertThat(cluster.path("connected").asBoolean()).isFalse();
			assertThat(cluster.path("nodes").isNumber()).as("no count while Redis cannot give it").isFalse();

			this.redis.start();
			await().until(() -> get(a, "/actuator/health/realtime").statusCode() == 200
					&& get(b, "/actuator/health/realtime").statusCode() == 200);
			assertThat(health(a).path("details").path("adapter").path("failedPublications").asLong())
				.as("counted since the start").isEqualTo(failedBefore + 1);
			client.close();
		}
	}

	private JsonNode health(ClusterNode node) throws Exception {
		return json(get(node, "/actuator/health/realtime"));
	}

	private HttpResponse<String> get(ClusterNode node, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.port() + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode json(HttpResponse<String> response) {
		return this.mapper.readTree(response.body());
	}

}
