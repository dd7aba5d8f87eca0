package dev.realtime.middleware;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeSocket;

/**
 * Limits how often clients may send events (EVENT line) and publish to channels (PUBLISH_IN line), with token
 * buckets per socket and, when the socket has a principal, per principal: an action needs a token from both. A
 * refused action is rejected with "Rate limit exceeded", {@code data} {@code {"retryAfterMs": ...}} and
 * {@code code} {@code RATE_LIMITED}. A socket's buckets are dropped when it disconnects; a principal's once they
 * have refilled.
 */
public class RateLimitMiddleware implements EventMiddleware, PublishInMiddleware {

	/** The order of the auto-configured bean: after logging, before the application's own middleware. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final RateLimiter events;

	private final RateLimiter publishes;

	private final Set<String> trackedSockets = ConcurrentHashMap.newKeySet();

	public RateLimitMiddleware(Limit events, Limit publishes) {
		this(events, publishes, System::nanoTime);
	}

	/**
	 * @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime()} outside tests
	 */
	public RateLimitMiddleware(Limit events, Limit publishes, LongSupplier nanoClock) {
		this.events = new RateLimiter(events, nanoClock);
		this.publishes = new RateLimiter(publishes, nanoClock);
	}

	@Override
	public void onEvent(EventContext context, Next next) {
		limit(this.events, context, next);
	}

	@Override
	public void onPublishIn(PublishInContext context, Next next) {
		limit(this.publishes, context, next);
	}

	private void limit(RateLimiter limiter, SocketContext context, Next next) {
		RealtimeSocket socket = context.socket();
		// an action still queued when its socket left is dropped anyway, and a bucket made now would outlive it
		if (!socket.isConnected()) {
			next.proceed();
			return;
		}
		track(socket);
		Principal principal = context.principal();
		long wait = limiter.acquire(socket.id(), (principal != null) ? principal.getName() : null);
		if (wait == 0) {
			next.proceed();
		}
		else {
			next.reject(new RealtimeException("Rate limit exceeded", Map.of("retryAfterMs", toMillis(wait)))
				.with("code", "RATE_LIMITED"));
		}
	}

	private void track(RealtimeSocket socket) {
		if (this.trackedSockets.add(socket.id())) {
			socket.onDisconnect((left, reason) -> {
				this.trackedSockets.remove(left.id());
				this.events.forget(left.id());
				this.publishes.forget(left.id());
			});
		}
	}

	private static long toMillis(long nanos) {
		return (nanos + 999_999) / 1_000_000;
	}

	/**
	 * How many actions a bucket allows.
	 *
	 * @param capacity the burst: actions allowed at once, after a quiet period
	 * @param perSecond the tokens added per second, the sustained rate
	 */
	public record Limit(int capacity, double perSecond) {

		public Limit {
			Assert.isTrue(capacity > 0, "capacity must be positive");
			Assert.isTrue(perSecond > 0, "perSecond must be positive");
		}

		long nanosPerToken() {
			return Math.max(1, Math.round(1_000_000_000 / this.perSecond));
		}

		/** How long an empty bucket takes to fill up. */
		long refillNanos() {
			return this.capacity * nanosPerToken();
		}

	}

}
