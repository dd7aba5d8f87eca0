package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Writes to Redis on a thread of its own, in order, so that a slow or unreachable Redis never holds up the threads
 * that broadcast: they deliver locally and go on. A write that cannot go out within the publication timeout, or
 * that finds the queue full, is dropped and counted, never sent late; the first failure of an outage is logged at
 * WARN, the recovery at INFO.
 */
final class RedisPublisher {

	private static final Log logger = LogFactory.getLog(RedisPublisher.class);

	private final RedisConnectionFactory connectionFactory;

	private final Duration timeout;

	private final ThreadPoolExecutor executor;

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
		write("channel \"" + channel + "\"", publication(channel, message), true);
	}

	/** Queues a message of the node's own, whose failure is not one of the application's lost messages. */
	void publishUncounted(String channel, byte[] message) {
		write("channel \"" + channel + "\"", publication(channel, message), false);
	}

	private static Write publication(String channel, byte[] message) {
		byte[] name = channel.getBytes(StandardCharsets.UTF_8);
		return (connection, remainingNanos) -> Publication.send(connection, name, message, remainingNanos);
	}

	/**
	 * Queues a command, which runs after every one queued before it.
	 * @param target what the command writes to, for the log
	 * @param counted whether a failure is one of the application's lost messages
	 */
	void write(String target, Write write, boolean counted) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		try {
			this.executor.execute(() -> writeBefore(deadline, target, write, counted));
		}
		catch (RejectedExecutionException ex) {
			dropped(target, write, counted, this.executor.isShutdown() ? "the node is closing" : "the queue is full");
		}
	}

	private void writeBefore(long deadline, String target, Write write, boolean counted) {
		long remaining = deadline - System.nanoTime();
		if (remaining <= 0) {
			dropped(target, write, counted, "it waited longer than the timeout, " + this.timeout.toMillis() + " ms");
			return;
		}
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			write.send(connection, remaining);
		}
		catch (QueryTimeoutException ex) {
			dropped(target, write, counted, "Redis did not take it within the timeout, " + this.timeout.toMillis() + " ms");
			return;
		}
		catch (RuntimeException ex) {
			dropped(target, write, counted, String.valueOf(ex.getMessage()));
			return;
		}
		if (counted && this.failing) {
			this.failing = false;
			logger.info("Publishing to Redis again; " + this.failed.get() + " message(s) could not be published so far");
		}
	}

	private void dropped(String target, Write write, boolean counted, String reason) {
		if (counted) {
			failed(target, reason);
		}
		write.dropped();
	}

	private void failed(String target, String reason) {
		long count = this.failed.incrementAndGet();
		if (!this.failing) {
			this.failing = true;
			logger.warn("Could not publish to Redis " + target + " (" + reason + "): the message is dropped, as are "
					+ "the next ones until Redis answers again; " + count + " lost so far");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Could not publish to Redis " + target + " (" + reason + "); " + count
					+ " message(s) lost so far");
		}
	}

	/**
	 * The nodes subscribed to a channel, this one included: PUBSUB NUMSUB, which is how the Node adapters count
	 * nodes. When Redis cannot say in time, this node alone, so that local operations go on.
	 */
	CompletableFuture<Integer> nodes(String channel, Duration timeout) {
		return subscribers(channel).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally((ex) -> {
			logger.warn("Could not count the nodes of " + channel + ", counting this one only: " + ex);
			return 1;
		});
	}

	private CompletableFuture<Integer> subscribers(String channel) {
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

	/**
	 * Takes no more writes and waits for the queued ones, each sent or dropped by its deadline, so that what the
	 * node wrote last (the sessions of its sockets) reaches Redis before the connection closes.
	 */
	void close() {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(this.timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
				logger.warn("Writes to Redis still queued at close are dropped");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A command that the publishing thread sends to Redis within the time left before its deadline. */
	@FunctionalInterface
	interface Write {

		/** Sends the command; throws when Redis failed, or did not answer within {@code remainingNanos}. */
		void send(RedisConnection connection, long remainingNanos);

		/** Told that the command was not sent or failed: on the publishing thread, or the caller's when refused. */
		default void dropped() {
		}

	}

}
