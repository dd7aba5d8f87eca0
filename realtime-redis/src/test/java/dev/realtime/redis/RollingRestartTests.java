package dev.realtime.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import dev.realtime.support.NodeClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling restart of a two-node cluster on the Redis Streams adapter, with connection state recovery, while a
 * node that stays up sends a numbered tick to the clients' room every 20 ms: node A stops gracefully (its sockets
 * are disconnected as "server shutting down" and their sessions kept in Redis), its clients come back on B; A
 * starts again, B stops, and they come back on A. The clients, the official JavaScript client behind a proxy that
 * plays the load balancer, lose no tick.
 */
class RollingRestartTests {

	private static final Logger logger = LoggerFactory.getLogger(RollingRestartTests.class);

	private static final int CLIENTS = 3;

	private final String prefix = "realtime-restart-" + UUID.randomUUID();

	private final CountDownLatch ready = new CountDownLatch(CLIENTS);

	private final AtomicInteger ticks = new AtomicInteger();

	private volatile ClusterNode ticking;

	private volatile boolean stopped;

	@Test
	void noClientThatReconnectsWithinTheWindowLosesAMessage() throws Exception {
		ClusterNode a = start();
		ClusterNode b = start();
		a.awaitNodes(2);
		try (TcpProxy balancer = TcpProxy.to(a.port())) {
			CompletableFuture<JsonNode> clients = CompletableFuture.supplyAsync(() -> NodeClient.run("restart.js",
					"http://localhost:" + balancer.port(), Map.of("clients", CLIENTS, "timeoutMs", 80000),
					Duration.ofSeconds(90)));
			assertThat(this.ready.await(20, TimeUnit.SECONDS)).as("clients ready").isTrue();
			this.ticking = b;
			Thread ticker = startTicker();
			Thread.sleep(500);

			// the balancer sends new connections to B while A stops
			balancer.target(b.port());
			a.close();
			awaitClientsOn(b);
			ClusterNode restarted = start();
			restarted.awaitNodes(2);
			this.ticking = restarted;
			balancer.target(restarted.port());
			Thread.sleep(500);
			b.close();
			awaitClientsOn(restarted);
			Thread.sleep(500);

			this.stopped = true;
			ticker.join();
			int sent = this.ticks.get();
			restarted.server().to("room-a").emit("end");
			JsonNode result = clients.get(90, TimeUnit.SECONDS);
			restarted.close();

			List<Object> expected = new ArrayList<>(IntStream.range(0, sent).boxed().toList());
			for (JsonNode client : result.at("/clients")) {
				assertThat(ticks(client)).as("every tick once, in order").isEqualTo(expected);
				assertThat(client.at("/ids").valueStream().map(JsonNode::asString).distinct()).as("one socket id")
					.hasSize(1);
				assertThat(client.at("/recovered").valueStream().map(JsonNode::asBoolean))
					.as("a new socket, then recovered on B, then on A")
					.containsExactly(false, true, true);
			}
			logger.info("{} clients received all of the {} ticks sent during the rolling restart", CLIENTS, sent);
		}
	}

	private ClusterNode start() {
		ClusterNode node = ClusterNode.startOnStreams(this.prefix, TestRedis.shared().port(), "server.shutdown=graceful");
		node.server().namespace("/").on("ready", (socket, args, ack) -> {
			ack.send("ok");
			this.ready.countDown();
		});
		return node;
	}

	/** Ticks from the node that stays up, until the test stops them. */
	private Thread startTicker() {
		Thread ticker = new Thread(() -> {
			while (!this.stopped) {
				this.ticking.server().to("room-a").emit("tick", this.ticks.getAndIncrement());
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "ticker");
		ticker.start();
		return ticker;
	}

	private static void awaitClientsOn(ClusterNode node) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (node.server().sockets().adapter().sockets(Set.of("room-a")).size() < CLIENTS) {
			assertThat(System.nanoTime()).as("every client back").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static List<Object> ticks(JsonNode client) {
		return client.at("/ticks").valueStream().map((tick) -> (Object) tick.asInt()).toList();
	}

}
