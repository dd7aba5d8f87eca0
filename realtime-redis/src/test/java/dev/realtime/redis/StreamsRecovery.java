package dev.realtime.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import dev.realtime.support.NodeClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code src/test/js/recovery.js} with the official JavaScript client through a proxy, which plays the load
 * balancer, and gives the test the moments of a lost connection: the client says it goes away, the proxy cuts it,
 * its node keeps its session in Redis; the test emits what it misses, and the proxy sends the client's next
 * connection to another node.
 */
final class StreamsRecovery implements AutoCloseable {

	private final TcpProxy balancer;

	private final String sessionKeys;

	private final CompletableFuture<JsonNode> result;

	private StreamsRecovery(TcpProxy balancer, String sessionKeys, Map<String, ?> options) {
		this.balancer = balancer;
		this.sessionKeys = sessionKeys;
		this.result = CompletableFuture.supplyAsync(() -> NodeClient.run("recovery.js",
				"http://localhost:" + balancer.port(), options, Duration.ofSeconds(60)));
	}

	/** Starts the client on the node of this port; the sessions' keys start with {@code prefix + ":session:"}. */
	static StreamsRecovery start(int port, String prefix, String mode) {
		return new StreamsRecovery(TcpProxy.to(port), prefix + ":session:*",
				Map.of("mode", mode, "timeoutMs", 50000));
	}

	/**
	 * Cuts the client's connection once it said it goes away, and waits until its node kept its session.
	 * @return the id of the client's socket
	 */
	String cutWhenAway(RecoveryFixture fixture) throws Exception {
		String id = fixture.awaitAway();
		int sessions = sessions();
		this.balancer.cut();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (sessions() <= sessions) {
			assertThat(System.nanoTime()).as("the session is kept in Redis").isLessThan(deadline);
			Thread.sleep(20);
		}
		return id;
	}

	private int sessions() {
		return TestRedis.shared().keys(this.sessionKeys).size();
	}

	/** Lets the client reconnect, to the node of this port, and returns what the script printed. */
	JsonNode reconnectTo(int port) throws Exception {
		this.balancer.target(port);
		this.balancer.resume();
		return this.result.get(60, TimeUnit.SECONDS);
	}

	/** Each event the script received as "name:first argument"; stored ones carry their offset as a last argument. */
	static List<String> eventsOf(JsonNode result) {
		List<String> events = new ArrayList<>();
		for (JsonNode event : result.at("/events")) {
			events.add(event.get(0).asString() + ":" + event.get(1).asString());
		}
		return events;
	}

	@Override
	public void close() {
		this.balancer.close();
	}

}
