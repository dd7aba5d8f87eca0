package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.ArrayOutput;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.util.ClassUtils;

/**
 * PUBSUB NUMSUB, which Spring Data Redis has no method for: sent as a raw command, with the reply type Lettuce
 * needs to be told.
 */
final class SubscriberCount {

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent("io.lettuce.core.RedisClient",
			SubscriberCount.class.getClassLoader());

	private static final byte[] NUMSUB = "NUMSUB".getBytes(StandardCharsets.US_ASCII);

	private SubscriberCount() {
	}

	static int of(RedisConnection connection, String channel) {
		byte[] name = channel.getBytes(StandardCharsets.UTF_8);
		Object reply = (LETTUCE_PRESENT && connection instanceof LettuceConnection) ? Lettuce.numsub(connection, name)
				: connection.execute("PUBSUB", NUMSUB, name);
		return (reply instanceof List<?> values && values.size() == 2 && values.get(1) instanceof Number count)
				? count.intValue() : 0;
	}

	/** Kept apart so that Lettuce's classes load only when Lettuce is there. */
	private static final class Lettuce {

		static Object numsub(RedisConnection connection, byte[] channel) {
			return ((LettuceConnection) connection).execute("PUBSUB", new ArrayOutput<>(ByteArrayCodec.INSTANCE),
					NUMSUB, channel);
		}

	}

}
