package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * threads that broadcast: they deliver locally and go on. A message that cannot go out within the publication
 * timeout, or that finds the queue full, is dropped and counted, never sent late; the first failure of an outage
 * is logged at WARN, the recovery at INFO.
 */
final class RedisPublisher {

	private static final Log logger = LogFactory.getLog(RedisPublisher.class);

	private final RedisConnectionFactory connectionFactory;

	private final Duration timeout;

	private final ExecutorService executor;

	private final AtomicLong failed = new AtomicLong();

	private volatile boolean failing;

	RedisPublisher(RedisConnectionFactory connectionFactory, int queueCapacity, Duration timeout) {
		this.connectionFactory = connectionFactory;
		this.timeout = timeout;
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(queueCapacity), new CustomizableThreadFactory("realtime-redis-publish-"));
	}

	/** Queues a message for publication; a failure is counted. */
	void publish(String channel, byte[] message) {
		queue(channel, message, true);
	}

	/** Queues a message of the node's own, whose failure is not one of the application's lost messages. */
	void publishUncounted(String channel, byte[] message) {
		queue(channel, message, false);
	}

	private void queue(String channel, byte[] message, boolean counted) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			this.executor.execute(() -> publishBefore(deadline, channel, message, counted));
		}
		catch (RejectedExecutionException ex) {
			if (counted) {
				failed(channel, "the publication queue is full");
			}
		}
	}

	private void publishBefore(long deadline, String channel, byte[] message, boolean counted) {
		long remaining = deadline - System.nanoTime();
		@Nullable String failure = null;
		if (remaining <= 0) {
			failure = "it waited longer than the timeout, " + this.timeout.toMillis() + " ms";
		}
		else {
			try (RedisConnection connection = this.connectionFactory.getConnection()) {
				if (!Publication.send(connection, channel.getBytes(StandardCharsets.UTF_8), message, remaining)) {
					failure = "Redis did not take it within the timeout, " + this.timeout.toMillis() + " ms";
				}
			}
			catch (RuntimeException ex) {
				failure = String.valueOf(ex.getMessage());
			}
		}
		if (failure != null) {
			if (counted) {
				failed(channel, failure);
			}
			return;
		}
		if (counted && this.failing) {
			this.failing = false;
			logger.info("Publishing to Redis again; " + this.failed.get() + " message(s) could not be published so far");
		}
	}

	private void failed(String channel, String reason) {
		long count = this.failed.incrementAndGet();
		if (!this.failing) {
			this.failing = true;
			logger.warn("Could not publish to Redis channel \"" + channel + "\" (" + reason + "): the message is "
					+ "dropped, as are the next ones until Redis answers again; " + count + " lost so far");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Could not publish to Redis channel \"" + channel + "\" (" + reason + "); " + count
					+ " message(s) lost so far");
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
