package dev.realtime.middleware;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.realtime.middleware.RateLimitMiddleware.Limit;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	private final AtomicLong clock = new AtomicLong(-5_000 * MS);

	private final RateLimiter limiter = new RateLimiter(new Limit(2, 10), this.clock::get);

	@Test
	void limitsEachSocketOnItsOwn() {
		assertThat(this.limiter.acquire("a", null)).isZero();
		assertThat(this.limiter.acquire("a", null)).isZero();
		assertThat(this.limiter.acquire("a", null)).isEqualTo(100 * MS);
		assertThat(this.limiter.acquire("b", null)).isZero();
	}

	@Test
	void limitsThePrincipalOverAllItsSockets() {
		assertThat(this.limiter.acquire("a", "ann")).isZero();
		assertThat(this.limiter.acquire("b", "ann")).isZero();
		this.clock.addAndGet(30 * MS);
		assertThat(this.limiter.acquire("c", "ann")).isEqualTo(70 * MS);
		assertThat(this.limiter.acquire("d", "bob")).isZero();
	}

	@Test
	void needsATokenFromTheSocketAndThePrincipal() {
		assertThat(this.limiter.acquire("a", "ann")).isZero();
		assertThat(this.limiter.acquire("a", "ann")).isZero();
		assertThat(this.limiter.acquire("a", "bob")).as("socket empty, principal full").isEqualTo(100 * MS);
		assertThat(this.limiter.acquire("b", "ann")).as("socket full, principal empty").isEqualTo(100 * MS);
		assertThat(this.limiter.acquire("b", "bob")).isZero();
		assertThat(this.limiter.acquire("b", "bob")).as("the refusal took nothing from socket b").isZero();
		assertThat(this.limiter.acquire("b", "bob")).isPositive();
	}

	@Test
	void startsAgainWithAFullBucketForAForgottenSocket() {
		this.limiter.acquire("a", null);
		this.limiter.acquire("a", null);
		this.limiter.forget("a");
		assertThat(this.limiter.acquire("a", null)).isZero();
	}

	@Test
	void dropsPrincipalsIdleUntilTheirBucketRefilled() {
		this.limiter.acquire("a", "ann");
		this.limiter.acquire("b", "bob");
		this.clock.addAndGet(150 * MS);
		this.limiter.acquire("b", "bob");
		assertThat(this.limiter.principalCount()).isEqualTo(2);
		this.clock.addAndGet(90 * MS);
		this.limiter.acquire("c", null);
		assertThat(this.limiter.principalCount()).as("ann refilled, bob not yet").isEqualTo(1);
	}

}
