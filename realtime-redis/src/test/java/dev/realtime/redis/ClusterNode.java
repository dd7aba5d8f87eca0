package dev.realtime.redis;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.realtime.server.RealtimeServer;

/**
 * A Spring Boot application with the realtime endpoint on a random port and a Redis adapter, as one node of a
 * cluster in the test JVM. Clients join rooms with a "join" event.
 */
final class ClusterNode implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private ClusterNode(ConfigurableApplicationContext context) {
		this.context = context;
		server().sockets().on("join", (socket, args, ack) -> {
			args.forEach((room) -> socket.join(String.valueOf(room)));
			ack.send("joined");
		});
	}

	/** A node on the Redis (pub/sub) adapter. */
	static ClusterNode start(String keyPrefix, int redisPort, String... properties) {
		return run(redisPort, properties, "realtime.adapter.type=redis", "realtime.adapter.redis.key-prefix=" + keyPrefix,
				"realtime.adapter.redis.request-timeout=2s");
	}

	/**
	 * A node on the Redis Streams adapter, with connection state recovery: the stream and the channels are named
	 * after the prefix, as {@code node-streams.js} names them, and so are the sessions' keys.
	 */
	static ClusterNode startOnStreams(String prefix, int redisPort, String... properties) {
		return run(redisPort, properties, "realtime.adapter.type=redis-streams",
				"realtime.adapter.redis-streams.stream-name=" + prefix,
				"realtime.adapter.redis-streams.channel-prefix=" + prefix,
				"realtime.adapter.redis-streams.session-key-prefix=" + prefix + ":session:",
				"realtime.adapter.redis-streams.request-timeout=2s", "realtime.connection-state-recovery.enabled=true");
	}

	private static ClusterNode run(int redisPort, String[] properties, String... adapter) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NodeApplication.class)
			.properties("server.port=0", "spring.data.redis.port=" + redisPort, "spring.data.redis.timeout=1s",
					"spring.main.banner-mode=off")
			.properties(adapter)
			.properties(properties)
			.run();
		return new ClusterNode(context);
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	RealtimeServer server() {
		return this.context.getBean(RealtimeServer.class);
	}

	RedisAdapterFactory adapterFactory() {
		return this.context.getBean(RedisAdapterFactory.class);
	}

	/** Waits until the main namespace's adapter counts this many nodes, so that every node is subscribed. */
	void awaitNodes(int nodes) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (server().sockets().adapter().serverCount().get() != nodes) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("The cluster did not reach " + nodes + " nodes");
			}
			Thread.sleep(50);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class NodeApplication {

	}

}
