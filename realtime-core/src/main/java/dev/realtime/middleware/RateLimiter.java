package dev.realtime.middleware;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The token buckets of one line: one per socket, and one per principal shared by all of its sockets. An action
 * needs a token from both. A principal's bucket is dropped once it has refilled completely, by a sweep that runs at
 * most once per refill period.
 */
final class RateLimiter {

	private final RateLimitMiddleware.Limit limit;

	private final LongSupplier nanoClock;

	private final Map<String, TokenBucket> sockets = new ConcurrentHashMap<>();

	private final Map<String, TokenBucket> principals = new ConcurrentHashMap<>();

	private final AtomicLong nextSweep;

	RateLimiter(RateLimitMiddleware.Limit limit, LongSupplier nanoClock) {
		this.limit = limit;
		this.nanoClock = nanoClock;
		this.nextSweep = new AtomicLong(nanoClock.getAsLong());
	}

	/** Takes a token for an action: 0 when granted, else the nanoseconds until one may be. */
	long acquire(String socketId, @Nullable String principal) {
		long now = this.nanoClock.getAsLong();
		sweepIdlePrincipals(now);
		TokenBucket socket = this.sockets.computeIfAbsent(socketId, (id) -> new TokenBucket(this.limit, now));
		long wait = socket.take(now);
		if (wait > 0 || principal == null) {
			return wait;
		}
		wait = this.principals.computeIfAbsent(principal, (name) -> new TokenBucket(this.limit, now)).take(now);
		if (wait > 0) {
			socket.giveBack();
		}
		return wait;
	}

	/** Drops the bucket of a socket that left. */
	void forget(String socketId) {
		this.sockets.remove(socketId);
	}

	/** How many principals have a bucket. */
	int principalCount() {
		return this.principals.size();
	}

	private void sweepIdlePrincipals(long now) {
		long due = this.nextSweep.get();
		if (now - due >= 0 && this.nextSweep.compareAndSet(due, now + this.limit.refillNanos())) {
			this.principals.values().removeIf((bucket) -> bucket.isFull(now));
		}
	}

}
