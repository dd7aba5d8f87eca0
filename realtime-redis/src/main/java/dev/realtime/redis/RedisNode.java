package dev.realtime.redis;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.data.redis.listener.Topic;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.realtime.adapter.AdapterStatus;

/**
 * What a node of a Redis cluster holds, whichever adapter it runs: its id, the publisher, one
 * subscription connection (which the Redis client re-establishes after a failure) and the link's heartbeat.
 */
final class RedisNode {

	/** How many writes may wait while Redis is slow or unreachable; more are counted as lost. */
	private static final int PUBLISH_QUEUE_CAPACITY = 10_000;

	private static final long RECOVERY_INTERVAL_MILLIS = 1000;

	private static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(500);

	private final String uid = RandomIds.next();

	private final RedisPublisher publisher;

	private final ExecutorService receiver;

	private final RedisMessageListenerContainer container;

	private final RedisLink link;

	/**
	 * @param connectionFactory the connection to Redis, usually the application's
	 * @param heartbeatPrefix prefix of the heartbeat's channel, which ends with this node's id
	 * @param publishTimeout how long a write may wait for Redis before it is dropped
	 */
	RedisNode(RedisConnectionFactory connectionFactory, String heartbeatPrefix, Duration publishTimeout) {
		this.publisher = new RedisPublisher(connectionFactory, PUBLISH_QUEUE_CAPACITY, publishTimeout);
		// one thread, so that messages are handled in the order they were published
		this.receiver = Executors.newSingleThreadExecutor(new CustomizableThreadFactory("realtime-redis-receive-"));
		this.container = new RedisMessageListenerContainer();
		this.container.setConnectionFactory(connectionFactory);
		this.container.setTaskExecutor(this.receiver);
		this.container.setRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
		this.container.afterPropertiesSet();
		this.link = new RedisLink(heartbeatPrefix + "-heartbeat#" + this.uid + "#", this.publisher,
				HEARTBEAT_INTERVAL);
		this.container.addMessageListener(this.link, new ChannelTopic(this.link.channel()));
		this.container.start();
	}

	String uid() {
		return this.uid;
	}

	RedisPublisher publisher() {
		return this.publisher;
	}

	void subscribe(MessageListener listener, Collection<? extends Topic> topics) {
		this.container.addMessageListener(listener, topics);
	}

	void unsubscribe(MessageListener listener) {
		this.container.removeMessageListener(listener);
	}

	AdapterStatus status() {
		return new AdapterStatus(this.link.isUp(), this.publisher.failedCount());
	}

	/** Stops the heartbeat and the subscription, then sends what is queued; Redis must still be reachable. */
	void close() {
		this.link.close();
		this.container.stop();
		this.publisher.close();
		this.receiver.shutdown();
	}

}
