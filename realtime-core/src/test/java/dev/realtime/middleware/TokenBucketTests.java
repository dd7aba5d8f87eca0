package dev.realtime.middleware;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.realtime.middleware.RateLimitMiddleware.Limit;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	private final TokenBucket bucket = new TokenBucket(new Limit(3, 10), 1_000 * MS);

	@Test
	void allowsABurstOfItsCapacity() {
		assertThat(this.bucket.take(1_000 * MS)).isZero();
		assertThat(this.bucket.take(1_000 * MS)).isZero();
		assertThat(this.bucket.take(1_000 * MS)).isZero();
		assertThat(this.bucket.take(1_000 * MS)).isEqualTo(100 * MS);
	}

	@Test
	void tellsHowLongUntilTheNextToken() {
		drain(1_000 * MS);
		assertThat(this.bucket.take(1_040 * MS)).isEqualTo(60 * MS);
		assertThat(this.bucket.take(1_099 * MS)).isEqualTo(MS);
	}

	@Test
	void refillsAtItsRateUpToItsCapacity() {
		drain(1_000 * MS);
		assertThat(this.bucket.take(1_100 * MS)).isZero();
		assertThat(this.bucket.take(1_100 * MS)).isPositive();
		assertThat(this.bucket.isFull(1_399 * MS)).isFalse();
		assertThat(this.bucket.isFull(1_400 * MS)).isTrue();
		drain(5_000 * MS);
		assertThat(this.bucket.take(5_000 * MS)).isEqualTo(100 * MS);
	}

	@Test
	void takesTokensGivenBackAgain() {
		drain(1_000 * MS);
		this.bucket.giveBack();
		assertThat(this.bucket.take(1_000 * MS)).isZero();
		assertThat(this.bucket.take(1_000 * MS)).isPositive();
	}

	private void drain(long now) {
		while (this.bucket.take(now) == 0) {
			// take every token there is
		}
	}

}
