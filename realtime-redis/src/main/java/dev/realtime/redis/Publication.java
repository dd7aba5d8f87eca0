package dev.realtime.redis;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.util.ClassUtils;

/**
 * One PUBLISH that either goes out within its time or never (see {@link LettuceFutures}). Other clients publish
 * synchronously, bounded by their own timeout.
 */
final class Publication {

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent("io.lettuce.core.RedisClient",
			Publication.class.getClassLoader());

	private Publication() {
	}

	/** Publishes; fails when Redis did not take the message within the time. */
	static void send(RedisConnection connection, byte[] channel, byte[] message, long timeoutNanos) {
		if (LETTUCE_PRESENT && connection instanceof LettuceConnection) {
			Lettuce.send((LettuceConnection) connection, channel, message, timeoutNanos);
			return;
		}
		connection.commands().publish(channel, message);
	}

	/** Kept apart so that Lettuce's classes load only when Lettuce is there. */
	private static final class Lettuce {

		static void send(LettuceConnection connection, byte[] channel, byte[] message, long timeoutNanos) {
			LettuceFutures.await(connection.getNativeConnection().publish(channel, message), timeoutNanos);
		}

	}

}
