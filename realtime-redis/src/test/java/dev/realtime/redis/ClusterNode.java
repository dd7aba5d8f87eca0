package dev.realtime.redis;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.realtime.server.RealtimeServer;

/**
 * A Spring Boot application with the realtime endpoint on a random port and the Redis adapter, as one node of a
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

	static ClusterNode start(String keyPrefix, int redisPort, String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NodeApplication.class)
			.properties("server.port=0", "realtime.adapter.type=redis", "realtime.adapter.redis.key-prefix=" + keyPrefix,
					"realtime.adapter.redis.request-timeout=2s", "spring.data.redis.port=" + redisPort,
					"spring.data.redis.timeout=1s", "spring.main.banner-mode=off")
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
