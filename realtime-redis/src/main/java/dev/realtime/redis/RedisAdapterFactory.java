package dev.realtime.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.PatternTopic;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.Adapter;
import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.AdapterNamespace;
import dev.realtime.adapter.AdapterStatus;

/**
 * Creates a {@link RedisAdapter} for each namespace, and holds what they share: the {@link RedisNode}, the codec
 * and the names of the channels.
 */
public class RedisAdapterFactory implements AdapterFactory, DisposableBean {

	private final String keyPrefix;

	private final Duration requestTimeout;

	private final ClusterCodec codec;

	private final RedisNode node;

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
		this.node = new RedisNode(connectionFactory, keyPrefix, publishTimeout);
	}

	@Override
	public Adapter create(AdapterNamespace namespace) {
		return new RedisAdapter(namespace, this);
	}

	/** The id of this node in the cluster. */
	public String uid() {
		return this.node.uid();
	}

	@Override
	public AdapterStatus status() {
		return this.node.status();
	}

	RedisChannels channels(String namespace) {
		return RedisChannels.of(this.keyPrefix, namespace, uid());
	}

	Duration requestTimeout() {
		return this.requestTimeout;
	}

	ClusterCodec codec() {
		return this.codec;
	}

	RedisPublisher publisher() {
		return this.node.publisher();
	}

	void subscribe(MessageListener listener, RedisChannels channels) {
		this.node.subscribe(listener,
				List.of(new PatternTopic(channels.broadcastPattern()), new ChannelTopic(channels.request()),
						new ChannelTopic(channels.response()), new ChannelTopic(channels.ownResponse())));
	}

	void unsubscribe(MessageListener listener) {
		this.node.unsubscribe(listener);
	}

	/** Stops the heartbeat, the subscription and the publisher, once; Redis must still be reachable. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.node.close();
		}
	}

	@Override
	public void destroy() {
		close();
	}

}
