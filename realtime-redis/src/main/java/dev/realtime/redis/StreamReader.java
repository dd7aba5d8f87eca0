package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Reads the stream on a Redis connection and a thread of their own, with XREAD BLOCK from the last entry read, so
 * that what was written while this node could not read is read once it can again. Entries are handed over in the
 * stream's order, on this thread. A failure is logged once, at WARN, and the recovery at INFO; the connection is
 * re-established by the Redis client.
 */
final class StreamReader {

	private static final Log logger = LogFactory.getLog(StreamReader.class);

	/** How long one XREAD waits for entries; the Node adapter's default. */
	private static final long BLOCK_MILLIS = 5000;

	private static final int READ_COUNT = 100;

	private static final long RETRY_MILLIS = 200;

	private final String name;

	private final byte[] stream;

	private final long timeoutNanos;

	private final BiConsumer<String, Map<String, String>> consumer;

	private final AbstractRedisClient client;

	private final Thread thread;

	private volatile @Nullable StatefulConnection<byte[], byte[]> connection;

	private @Nullable RedisStreamAsyncCommands<byte[], byte[]> commands;

	/** The last entry handed over, or the stream's last one when reading started; null until it is known. */
	private volatile @Nullable String position;

	private volatile boolean closed;

	private boolean failing;

	/**
	 * Starts reading after the stream's last entry, which it asks Redis for at once: what this node writes from then
	 * on is read back. When Redis cannot be reached, the reader goes on trying on its thread.
	 * @param timeout how long Redis may take to answer, on top of the time an XREAD waits for entries
	 * @param consumer told each entry's id and fields
	 */
	StreamReader(AbstractRedisClient client, String stream, Duration timeout,
			BiConsumer<String, Map<String, String>> consumer) {
		this.client = client;
		this.name = stream;
		this.stream = stream.getBytes(StandardCharsets.UTF_8);
		this.timeoutNanos = timeout.toNanos();
		this.consumer = consumer;
		try {
			start();
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
		this.thread = new Thread(this::read, "realtime-redis-stream");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** The last entry handed over, or the stream's last one when reading started; null until it is known. */
	@Nullable String position() {
		return this.position;
	}

	/** Opens the reader's own connection, then finds where the stream ends, once each. */
	private void start() {
		if (this.commands == null) {
			connect();
		}
		if (this.position == null) {
			List<StreamMessage<byte[], byte[]>> last = LettuceFutures
				.await(this.commands.xrevrange(this.stream, Range.create("-", "+"), Limit.from(1)), this.timeoutNanos);
			this.position = (last == null || last.isEmpty()) ? StreamIds.BEFORE_ALL : last.get(0).getId();
		}
	}

	private void connect() {
		StatefulConnection<byte[], byte[]> opened;
		if (this.client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<byte[], byte[]> own = cluster.connect(ByteArrayCodec.INSTANCE);
			opened = own;
			this.commands = own.async();
		}
		else {
			StatefulRedisConnection<byte[], byte[]> own = ((RedisClient) this.client).connect(ByteArrayCodec.INSTANCE);
			opened = own;
			this.commands = own.async();
		}
		// a blocking read takes longer than the commands' timeout of the application's connection
		opened.setTimeout(Duration.ofMillis(BLOCK_MILLIS).plusNanos(this.timeoutNanos));
		this.connection = opened;
	}

	private void read() {
		while (!this.closed) {
			String from = this.position;
			List<StreamMessage<byte[], byte[]>> entries;
			try {
				if (from == null) {
					start();
					continue;
				}
				entries = LettuceFutures.await(
						this.commands.xread(XReadArgs.Builder.block(BLOCK_MILLIS).count(READ_COUNT),
								StreamOffset.from(this.stream, from)),
						TimeUnit.MILLISECONDS.toNanos(BLOCK_MILLIS) + this.timeoutNanos);
			}
			catch (RuntimeException ex) {
				if (!this.closed) {
					failed(ex);
					pause();
				}
				continue;
			}
			if (this.failing) {
				this.failing = false;
				logger.info("Reading the Redis stream \"" + this.name + "\" again, from " + from);
			}
			if (entries != null) {
				entries.forEach(this::handOver);
			}
		}
	}

	private void handOver(StreamMessage<byte[], byte[]> entry) {
		try {
			this.consumer.accept(entry.getId(), fields(entry));
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring the entry " + entry.getId() + " of the Redis stream \"" + this.name
					+ "\", which could not be handled", ex);
		}
		this.position = entry.getId();
	}

	/** The fields of an entry, which are text: Node writes them so. */
	static Map<String, String> fields(StreamMessage<byte[], byte[]> entry) {
		Map<String, String> fields = new LinkedHashMap<>();
		entry.getBody()
			.forEach((key, value) -> fields.put(new String(key, StandardCharsets.UTF_8),
					new String(value, StandardCharsets.UTF_8)));
		return fields;
	}

	private void failed(RuntimeException ex) {
		if (!this.failing) {
			this.failing = true;
			logger.warn("Could not read the Redis stream \"" + this.name + "\" (" + ex.getMessage()
					+ "): this node receives nothing from the others until Redis answers again, then what they "
					+ "wrote meanwhile");
		}
	}

	private void pause() {
		try {
			Thread.sleep(RETRY_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.closed = true;
		}
	}

	/** Stops reading: the pending XREAD ends with its connection. */
	void close() {
		this.closed = true;
		StatefulConnection<byte[], byte[]> open = this.connection;
		if (open != null) {
			open.close();
		}
		this.thread.interrupt();
		try {
			this.thread.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
