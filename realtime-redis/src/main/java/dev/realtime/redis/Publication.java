package dev.realtime.redis;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisFuture;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.util.ClassUtils;

/**
 * One PUBLISH that either goes out within its time or never. Lettuce keeps commands sent while Redis is away and
 * replays them when it is back, seconds later; a command cancelled at its deadline is not replayed. Other clients
 * publish synchronously, bounded by their own timeout.
 */
final class Publication {

	private static final boolean LETTUCE_PRESENT = ClassUtils.isPresent("io.lettuce.core.RedisClient",
			Publication.class.getClassLoader());

	private Publication() {
	}

	/** Publishes, and tells whether Redis took the message within the time. */
	static boolean send(RedisConnection connection, byte[] channel, byte[] message, long timeoutNanos) {
		if (LETTUCE_PRESENT && connection instanceof LettuceConnection) {
			return Lettuce.send((LettuceConnection) connection, channel, message, timeoutNanos);
		}
		connection.commands().publish(channel, message);
		return true;
	}

	/** Kept apart so that Lettuce's classes load only when Lettuce is there. */
	private static final class Lettuce {

		static boolean send(LettuceConnection connection, byte[] channel, byte[] message, long timeoutNanos) {
			RedisFuture<Long> published = connection.getNativeConnection().publish(channel, message);
			try {
				published.get(timeoutNanos, TimeUnit.NANOSECONDS);
				return true;
			}
			catch (TimeoutException ex) {
				published.cancel(false);
				return false;
			}
			catch (ExecutionException ex) {
				throw new DataAccessResourceFailureException(String.valueOf(ex.getCause().getMessage()), ex.getCause());
			}
			catch (InterruptedException ex) {
				published.cancel(false);
				Thread.currentThread().interrupt();
				throw new DataAccessResourceFailureException("Interrupted while publishing to Redis", ex);
			}
		}

	}

}
