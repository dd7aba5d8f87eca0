package dev.realtime.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.Adapter;
import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.AdapterNamespace;
import dev.realtime.adapter.AdapterStatus;

/**
 * Creates a {@link RedisAdapter} for each namespace, and holds what they share: this node's id, one subscription
 * connection (which the Redis client re-establishes after a failure), the publisher and the link's heartbeat.
 */
public class RedisAdapterFactory implements AdapterFactory, DisposableBean {

	/** How many publications may wait while Redis is slow or unreachable; more are counted as lost. */
	private static final int PUBLISH_QUEUE_CAPACITY = 10_000;

	private static final long RECOVERY_INTERVAL_MILLIS = 1000;

	private static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(500);

	private final String uid = RandomIds.next();

	private final String keyPrefix;

	private final Duration requestTimeout;

	private final ClusterCodec codec;

	private final RedisPublisher publisher;

	private final ExecutorService receiver;

	private final RedisMessageListenerContainer container;

	private final RedisLink link;

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * @param connectionFactory the connection to Redis, usually the application's
	 * @param mapper encodes JSON requests, and objects in MessagePack broadcasts
	 * @param keyPrefix prefix of every channel name; the same on every node of a cluster
	 * @param requestTimeout how long requests to other nodes wait for their answers
	 * @param publishTimeout how long a publication may wait for Redis before it is dropped
	 */
	public RedisAdapterFactory(RedisConnectionFactory connectionFactory, JsonMapper mapper, String keyPrefix,
			Duration requestTimeout, Duration publishTimeout) {
		this.keyPrefix = keyPrefix;
		this.requestTimeout = requestTimeout;
		this.codec = new ClusterCodec(mapper);
		this.publisher = new RedisPublisher(connectionFactory, PUBLISH_QUEUE_CAPACITY, publishTimeout);
		// one thread, so that messages are handled in the order they were published
		this.receiver = Executors.newSingleThreadExecutor(new CustomizableThreadFactory("realtime-redis-receive-"));
		this.container = new RedisMessageListenerContainer();
		this.container.setConnectionFactory(connectionFactory);
		this.container.setTaskExecutor(this.receiver);
		this.container.setRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
		this.container.afterPropertiesSet();
		this.link = new RedisLink(keyPrefix + "-heartbeat#" + this.uid + "#", this.publisher, HEARTBEAT_INTERVAL);
		this.container.addMessageListener(this.link, new ChannelTopic(this.link.channel()));
		this.container.start();
	}

	@Override
	public Adapter create(AdapterNamespace namespace) {
		return new RedisAdapter(namespace, this);
	}

	/** The id of this node in the cluster. */
	public String uid() {
		return this.uid;
	}

	@Override
	public AdapterStatus status() {
		return new AdapterStatus(this.link.isUp(), this.publisher.failedCount());
	}

	RedisChannels channels(String namespace) {
		return RedisChannels.of(this.keyPrefix, namespace, this.uid);
	}

	Duration requestTimeout() {
		return this.requestTimeout;
	}

	ClusterCodec codec() {
		return this.codec;
	}

	RedisPublisher publisher() {
		return this.publisher;
	}

	void subscribe(MessageListener listener, RedisChannels channels) {
		this.container.addMessageListener(listener,
				List.of(new PatternTopic(channels.broadcastPattern()), new ChannelTopic(channels.request()),
						new ChannelTopic(channels.response()), new ChannelTopic(channels.ownResponse())));
	}

	void unsubscribe(MessageListener listener) {
		this.container.removeMessageListener(listener);
	}

	/** Stops the heartbeat, the subscription and the publisher, once; Redis must still be reachable. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.link.close();
			this.container.stop();
			this.publisher.close();
			this.receiver.shutdown();
		}
	}

	@Override
	public void destroy() {
		close();
	}

}
