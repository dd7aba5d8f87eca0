package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Publishes to Redis on a thread of its own, in order, so that a slow or unreachable Redis never holds up the
 * threads that broadcast: they deliver locally and go on. A message that cannot be published, or that finds the
 * queue full, is counted and logged.
 */
final class RedisPublisher {

	private static final Log logger = LogFactory.getLog(RedisPublisher.class);

	private final RedisConnectionFactory connectionFactory;

	private final ExecutorService executor;

	private final AtomicLong failed = new AtomicLong();

	private volatile boolean failing;

	RedisPublisher(RedisConnectionFactory connectionFactory, int queueCapacity) {
		this.connectionFactory = connectionFactory;
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(queueCapacity), new CustomizableThreadFactory("realtime-redis-publish-"));
	}

	/** Queues a message for publication. */
	void publish(String channel, byte[] message) {
		try {
			this.executor.execute(() -> publishNow(channel, message));
		}
		catch (RejectedExecutionException ex) {
			failed(channel, "the publication queue is full", null);
		}
	}

	private void publishNow(String channel, byte[] message) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			connection.commands().publish(channel.getBytes(StandardCharsets.UTF_8), message);
		}
		catch (RuntimeException ex) {
			failed(channel, ex.getMessage(), ex);
			return;
		}
		if (this.failing) {
			this.failing = false;
			logger.info("Publishing to Redis again; " + this.failed.get() + " message(s) could not be published so far");
		}
	}

	private void failed(String channel, @Nullable String reason, @Nullable Throwable cause) {
		long count = this.failed.incrementAndGet();
		String message = "Could not publish to Redis channel \"" + channel + "\" (" + reason + "); " + count
				+ " message(s) lost so far";
		if (!this.failing) {
			this.failing = true;
			logger.warn(message, cause);
		}
		else {
			logger.warn(message);
		}
	}

	/** How many subscribers a channel has: PUBSUB NUMSUB, which is how the Node adapter counts nodes. */
	CompletableFuture<Integer> subscribers(String channel) {
		try {
			return CompletableFuture.supplyAsync(() -> {
				try (RedisConnection connection = this.connectionFactory.getConnection()) {
					return SubscriberCount.of(connection, channel);
				}
			}, this.executor);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/** How many messages could not be published since start. */
	long failedCount() {
		return this.failed.get();
	}

	void close() {
		this.executor.shutdown();
	}

}
