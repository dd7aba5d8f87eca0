package dev.realtime.middleware;

/**
 * A token bucket: up to a capacity of tokens, refilled at a steady rate. It is kept as the instant at which it is
 * full again (the generic cell rate algorithm), so the arithmetic stays in exact nanoseconds.
 */
final class TokenBucket {

	private final long nanosPerToken;

	private final long capacityNanos;

	private long fullAt;

	TokenBucket(RateLimitMiddleware.Limit limit, long now) {
		this.nanosPerToken = limit.nanosPerToken();
		this.capacityNanos = limit.refillNanos();
		this.fullAt = now;
	}

	/** Takes a token: 0 when there was one, else the nanoseconds until there is; a refusal takes nothing. */
	synchronized long take(long now) {
		long start = (this.fullAt - now > 0) ? this.fullAt : now;
		long wait = start + this.nanosPerToken - this.capacityNanos - now;
		if (wait > 0) {
			return wait;
		}
		this.fullAt = start + this.nanosPerToken;
		return 0;
	}

	/** Returns a token taken for an action that was refused after all. */
	synchronized void giveBack() {
		this.fullAt -= this.nanosPerToken;
	}

	/** Whether the bucket has refilled completely, so that it is no different from a new one. */
	synchronized boolean isFull(long now) {
		return this.fullAt - now <= 0;
	}

}
