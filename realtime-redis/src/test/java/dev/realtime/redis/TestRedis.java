package dev.realtime.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A Redis server of the tests' own on a free port of the loopback interface, from the binary that embedded-redis
 * ships: the tests need no Redis on the machine and never touch one. {@link #shared()} is started once per JVM; every
 * instance is stopped when the JVM exits.
 */
final class TestRedis {

	private static final Logger logger = LoggerFactory.getLogger(TestRedis.class);

	private final RedisServer server;

	private final int port;

	private TestRedis(int port) {
		this.port = port;
		try {
			this.server = RedisServer.newRedisServer().port(port).setting("save \"\"").setting("appendonly no").build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot prepare the embedded Redis server", ex);
		}
	}

	/** The Redis that tests share, each under a key prefix of its own. */
	static TestRedis shared() {
		return Shared.REDIS;
	}

	/** A Redis of the caller's own, already started, which it may stop and start again on the same port. */
	static TestRedis startNew() {
		TestRedis redis = new TestRedis(freePort());
		redis.start();
		return redis;
	}

	int port() {
		return this.port;
	}

	void start() {
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the embedded Redis server on port " + this.port, ex);
		}
		logger.info("Redis for the tests started on 127.0.0.1:{}", this.port);
	}

	/** The keys that match a pattern (KEYS), which tests read to know what a node has stored. */
	List<String> keys(String pattern) {
		RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", this.port));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().keys(pattern);
		}
		finally {
			client.shutdown();
		}
	}

	void stop() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stop the embedded Redis server on port " + this.port, ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port for Redis", ex);
		}
	}

	private static final class Shared {

		static final TestRedis REDIS = startNew();

	}

}
