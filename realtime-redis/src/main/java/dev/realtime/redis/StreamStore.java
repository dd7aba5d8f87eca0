package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.realtime.adapter.RecoverableSession;

/**
 * What a node of a Redis Streams cluster writes to Redis and reads from it, besides its reader, as
 * {@code @socket.io/redis-streams-adapter} keeps it: entries appended to the stream (XADD MAXLEN ~), the entries
 * after an offset (XRANGE), and the sessions of connection state recovery (SET PX, GETDEL). Writes go through the
 * publisher, each within its deadline.
 */
final class StreamStore {

	private static final Log logger = LogFactory.getLog(StreamStore.class);

	/** Entries per XRANGE when a session is restored. */
	private static final int RANGE_COUNT = 1000;

	/** XRANGE calls at most per restored session, as the Node adapter bounds them: the stream may grow meanwhile. */
	private static final int MAX_RANGES = 100;

	private final LettuceConnectionFactory connectionFactory;

	private final RedisPublisher publisher;

	private final ClusterMessages messages;

	private final SessionValues sessions;

	private final String streamName;

	private final byte[] stream;

	private final long maxLen;

	private final String sessionKeyPrefix;

	private final Duration requestTimeout;

	private final Duration publishTimeout;

	private final OwnEntries ownEntries = new OwnEntries();

	StreamStore(LettuceConnectionFactory connectionFactory, RedisPublisher publisher, ClusterMessages messages,
			SessionValues sessions, RedisStreamsAdapterProperties properties, Duration publishTimeout) {
		this.connectionFactory = connectionFactory;
		this.publisher = publisher;
		this.messages = messages;
		this.sessions = sessions;
		this.streamName = properties.getStreamName();
		this.stream = this.streamName.getBytes(StandardCharsets.UTF_8);
		this.maxLen = properties.getMaxLen();
		this.sessionKeyPrefix = properties.getSessionKeyPrefix();
		this.requestTimeout = properties.getRequestTimeout();
		this.publishTimeout = publishTimeout;
	}

	/** Appends a message to the stream; this node applied it itself already. */
	void append(ClusterMessage message) {
		Map<byte[], byte[]> fields = fields(message);
		this.publisher.write(target(), (connection, remaining) -> LettuceFutures
			.await(commands(connection).xadd(this.stream, trimming(), fields), remaining), true);
	}

	/**
	 * Appends a broadcast to the stream, which delivers it to this node's sockets when the reader reads it back.
	 * @param delivery delivers it here, given its entry's id, on the reader's thread
	 * @param dropped delivers it here at once, when it could not be appended
	 */
	void appendBroadcast(ClusterMessage message, Consumer<String> delivery, Runnable dropped) {
		Map<byte[], byte[]> fields = fields(message);
		this.publisher.write(target(), new RedisPublisher.Write() {

			@Override
			public void send(RedisConnection connection, long remainingNanos) {
				String id = null;
				StreamStore.this.ownEntries.writing();
				try {
					id = LettuceFutures.await(commands(connection).xadd(StreamStore.this.stream,
							trimming(), fields), remainingNanos);
				}
				finally {
					StreamStore.this.ownEntries.written(id, delivery);
				}
			}

			@Override
			public void dropped() {
				dropped.run();
			}

		}, true);
	}

	private XAddArgs trimming() {
		return XAddArgs.Builder.maxlen(this.maxLen).approximateTrimming();
	}

	private Map<byte[], byte[]> fields(ClusterMessage message) {
		Map<byte[], byte[]> fields = new LinkedHashMap<>();
		this.messages.toEntry(message)
			.forEach((name, value) -> fields.put(name.getBytes(StandardCharsets.UTF_8),
					value.getBytes(StandardCharsets.UTF_8)));
		return fields;
	}

	private String target() {
		return "stream \"" + this.streamName + "\"";
	}

	/** Keeps a session in Redis for {@code expiry}; one that cannot be stored is counted as lost. */
	void storeSession(RecoverableSession session, Duration expiry) {
		byte[] key = sessionKey(session.pid());
		byte[] value;
		try {
			value = this.sessions.encode(session);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not keep the session of socket " + session.sid() + " for its recovery, an attribute "
					+ "cannot be written as MessagePack: " + ex.getMessage());
			return;
		}
		this.publisher.write("key \"" + this.sessionKeyPrefix + session.pid() + "\"",
				(connection, remaining) -> LettuceFutures
					.await(commands(connection).set(key, value, SetArgs.Builder.px(expiry)), remaining),
				true);
	}

	/**
	 * Takes a session from Redis (GETDEL), after every write this node queued before, among them the session of a
	 * socket of the same client that was just closed here. Completes with null when there is none.
	 */
	CompletableFuture<@Nullable RecoverableSession> takeSession(String pid) {
		CompletableFuture<@Nullable RecoverableSession> taken = new CompletableFuture<>();
		byte[] key = sessionKey(pid);
		this.publisher.write("key \"" + this.sessionKeyPrefix + pid + "\"", new RedisPublisher.Write() {

			@Override
			public void send(RedisConnection connection, long remainingNanos) {
				byte[] value = LettuceFutures.await(commands(connection).getdel(key), remainingNanos);
				taken.complete((value != null) ? StreamStore.this.sessions.decode(value) : null);
			}

			@Override
			public void dropped() {
				taken.complete(null);
			}

		}, false);
		return taken;
	}

	private byte[] sessionKey(String pid) {
		return (this.sessionKeyPrefix + pid).getBytes(StandardCharsets.UTF_8);
	}

	/** Whether the stream still holds this entry; on the restoring thread. */
	boolean hasEntry(String id) {
		return !range(id, id, Limit.from(1)).isEmpty();
	}

	/**
	 * The entries from {@code from} to the end of the stream, in order, by id; on the restoring thread. Entries that
	 * are not messages are left out.
	 */
	Map<String, ClusterMessage> entriesFrom(String from) {
		Map<String, ClusterMessage> entries = new LinkedHashMap<>();
		String start = from;
		for (int i = 0; i < MAX_RANGES; i++) {
			List<StreamMessage<byte[], byte[]>> page = range(start, "+", Limit.from(RANGE_COUNT));
			for (StreamMessage<byte[], byte[]> entry : page) {
				ClusterMessage message = this.messages.fromEntry(StreamReader.fields(entry));
				if (message != null) {
					entries.put(entry.getId(), message);
				}
				start = StreamIds.next(entry.getId());
			}
			if (page.size() < RANGE_COUNT) {
				break;
			}
		}
		return entries;
	}

	private List<StreamMessage<byte[], byte[]>> range(String from, String to, Limit limit) {
		List<StreamMessage<byte[], byte[]>> entries = command(
				(commands) -> commands.xrange(this.stream, Range.create(from, to), limit));
		return (entries != null) ? entries : List.of();
	}

	private <T> @Nullable T command(Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<T>> command) {
		try (RedisConnection connection = this.connectionFactory.getConnection()) {
			return LettuceFutures.await(command.apply(commands(connection)), this.requestTimeout.toNanos());
		}
	}

	private static RedisClusterAsyncCommands<byte[], byte[]> commands(RedisConnection connection) {
		return ((LettuceConnection) connection).getNativeConnection();
	}

	/**
	 * How this node delivers one of its own broadcasts, read back from the stream; null when it was delivered at
	 * once because its XADD was given up.
	 */
	@Nullable Consumer<String> ownEntry(String id) throws InterruptedException {
		return this.ownEntries.take(id, this.publishTimeout.toNanos());
	}

	void clear() {
		this.ownEntries.clear();
	}

}
