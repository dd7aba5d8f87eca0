package dev.realtime.redis;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisFuture;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;

/**
 * Waits for a Lettuce command until a deadline, never longer. Lettuce keeps commands sent while Redis is away and
 * replays them when it is back, seconds later; a command cancelled at its deadline is not replayed.
 */
final class LettuceFutures {

	private LettuceFutures() {
	}

	/** The command's answer; a command Redis did not answer in time is cancelled and fails. */
	static <T> @Nullable T await(RedisFuture<T> command, long timeoutNanos) {
		try {
			return command.get(timeoutNanos, TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			command.cancel(false);
			throw new QueryTimeoutException(
					"Redis did not answer within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
		}
		catch (ExecutionException ex) {
			throw new DataAccessResourceFailureException(String.valueOf(ex.getCause().getMessage()), ex.getCause());
		}
		catch (InterruptedException ex) {
			command.cancel(false);
			Thread.currentThread().interrupt();
			throw new DataAccessResourceFailureException("Interrupted while waiting for Redis", ex);
		}
	}

}
