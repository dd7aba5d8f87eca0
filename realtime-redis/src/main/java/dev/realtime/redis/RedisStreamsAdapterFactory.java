package dev.realtime.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.Adapter;
import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.AdapterNamespace;
import dev.realtime.adapter.AdapterStatus;

/**
 * Creates a {@link RedisStreamsAdapter} for each namespace, and holds what they share: the {@link RedisNode}, the
 * one stream that every node appends to ({@link StreamStore}) and reads ({@link StreamReader}), and the names of the
 * channels, as {@code @socket.io/redis-streams-adapter} 0.3 names them.
 */
public class RedisStreamsAdapterFactory implements AdapterFactory, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisStreamsAdapterFactory.class);

	private final String streamName;

	private final String channelPrefix;

	private final Duration requestTimeout;

	private final ClusterMessages messages;

	private final RedisNode node;

	private final StreamStore store;

	private final Map<String, RedisStreamsAdapter> adapters = new ConcurrentHashMap<>();

	private final ExecutorService restorer = Executors
		.newSingleThreadExecutor(new CustomizableThreadFactory("realtime-redis-restore-"));

	private final StreamReader reader;

	private final AtomicBoolean closed = new AtomicBoolean();

	/**
	 * @param connectionFactory the connection to Redis, usually the application's; the stream is read on a
	 * connection of its own of the same client
	 * @param mapper encodes JSON messages, and objects in MessagePack ones
	 * @param properties the stream, channels and session keys; the same on every node of a cluster
	 * @param publishTimeout how long a write may wait for Redis before it is dropped
	 */
	public RedisStreamsAdapterFactory(LettuceConnectionFactory connectionFactory, JsonMapper mapper,
			RedisStreamsAdapterProperties properties, Duration publishTimeout) {
		this.streamName = properties.getStreamName();
		this.channelPrefix = properties.getChannelPrefix();
		this.requestTimeout = properties.getRequestTimeout();
		this.messages = new ClusterMessages(mapper);
		this.node = new RedisNode(connectionFactory, this.channelPrefix, publishTimeout);
		this.store = new StreamStore(connectionFactory, this.node.publisher(), this.messages,
				new SessionValues(new MessagePackValues(mapper)), properties, publishTimeout);
		this.reader = new StreamReader(connectionFactory.getRequiredNativeClient(), this.streamName, publishTimeout,
				this::onEntry);
	}

	@Override
	public Adapter create(AdapterNamespace namespace) {
		RedisStreamsAdapter adapter = new RedisStreamsAdapter(namespace, this);
		this.adapters.put(namespace.name(), adapter);
		return adapter;
	}

	/** The id of this node in the cluster. */
	public String uid() {
		return this.node.uid();
	}

	@Override
	public AdapterStatus status() {
		return this.node.status();
	}

	ClusterMessages messages() {
		return this.messages;
	}

	RedisPublisher publisher() {
		return this.node.publisher();
	}

	StreamStore store() {
		return this.store;
	}

	Duration requestTimeout() {
		return this.requestTimeout;
	}

	/** Where a namespace's requests go, which every node of it listens to (and is counted by). */
	String publicChannel(String namespace) {
		return this.channelPrefix + "#" + namespace + "#";
	}

	/** Where the answers to one node's requests of a namespace go. */
	String privateChannel(String namespace, String nodeUid) {
		return publicChannel(namespace) + nodeUid + "#";
	}

	void subscribe(MessageListener listener, String namespace) {
		this.node.subscribe(listener, List.of(new ChannelTopic(publicChannel(namespace)),
				new ChannelTopic(privateChannel(namespace, uid()))));
	}

	void removed(RedisStreamsAdapter adapter, String namespace, MessageListener listener) {
		this.adapters.remove(namespace, adapter);
		this.node.unsubscribe(listener);
	}

	/**
	 * The offset to give a packet that is not in the stream: the last entry read, so that a client that keeps it
	 * misses nothing after it; null before the first one.
	 */
	@Nullable String lastOffset() {
		String position = this.reader.position();
		return StreamIds.BEFORE_ALL.equals(position) ? null : position;
	}

	/** The last entry the reader handed over (or started after); null when it does not know. */
	@Nullable String readerPosition() {
		return this.reader.position();
	}

	/** Restores sessions: the reads from the stream run here, off every other thread. */
	Executor restorer() {
		return this.restorer;
	}

	/** An entry the reader read: handed to the adapter of its namespace, if this node has it. */
	private void onEntry(String id, Map<String, String> fields) {
		ClusterMessage message = this.messages.fromEntry(fields);
		if (message == null) {
			logger.debug("Ignoring the entry " + id + " of the Redis stream \"" + this.streamName
					+ "\", which is no cluster message");
			return;
		}
		RedisStreamsAdapter adapter = this.adapters.get(message.nsp());
		if (adapter != null) {
			adapter.onStreamEntry(id, message);
		}
	}

	/** Stops reading the stream, the heartbeat and the subscription, then writes what is queued, once. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.reader.close();
			this.restorer.shutdownNow();
			this.node.close();
			this.store.clear();
		}
	}

	@Override
	public void destroy() {
		close();
	}

}
