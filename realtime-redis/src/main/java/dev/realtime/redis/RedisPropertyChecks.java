package dev.realtime.redis;

import java.time.Duration;

import org.springframework.validation.Errors;

/** The checks the Redis adapters' properties share, each rejecting its field with a message for the start-up report. */
final class RedisPropertyChecks {

	private RedisPropertyChecks() {
	}

	static void notBlank(Errors errors, String field, String value) {
		if (value == null || value.isBlank()) {
			errors.rejectValue(field, field, "must not be empty");
		}
	}

	static void positive(Errors errors, String field, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			errors.rejectValue(field, "positive", "must be a positive duration, such as 5s");
		}
	}

}
