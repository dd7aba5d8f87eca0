package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Whether this node is linked to the others through Redis now. The node publishes a heartbeat on a channel of its
 * own every interval and is subscribed to it: hearing it back proves that both its publications and its
 * subscription work, so once the link is reported up again, nothing published to the cluster is lost to this
 * node. Changes of the link are logged once each.
 */
final class RedisLink implements MessageListener {

	private static final Log logger = LogFactory.getLog(RedisLink.class);

	private static final byte[] HEARTBEAT = "1".getBytes(StandardCharsets.US_ASCII);

	/** Heartbeats missed before the link counts as lost. */
	private static final int MISSED_HEARTBEATS = 3;

	private final String channel;

	private final RedisPublisher publisher;

	private final long toleranceNanos;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("realtime-redis-heartbeat-"));

	private volatile long lastHeard;

	private volatile boolean heard;

	private boolean reportedUp;

	RedisLink(String channel, RedisPublisher publisher, Duration interval) {
		this.channel = channel;
		this.publisher = publisher;
		this.toleranceNanos = interval.toNanos() * MISSED_HEARTBEATS;
		this.timer.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	String channel() {
		return this.channel;
	}

	/** Whether this node heard its own heartbeat recently. */
	boolean isUp() {
		return this.heard && System.nanoTime() - this.lastHeard < this.toleranceNanos;
	}

	@Override
	public void onMessage(Message message, byte @Nullable [] pattern) {
		this.lastHeard = System.nanoTime();
		this.heard = true;
	}

	private void beat() {
		boolean up = isUp();
		if (up != this.reportedUp) {
			this.reportedUp = up;
			if (up) {
				logger.info("Linked to the cluster through Redis");
			}
			else {
				logger.warn("Lost the link to the cluster through Redis: broadcasts reach this node's clients only, "
						+ "until it is back");
			}
		}
		this.publisher.publishUncounted(this.channel, HEARTBEAT);
	}

	void close() {
		this.timer.shutdownNow();
	}

}
