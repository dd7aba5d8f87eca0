package dev.realtime.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;

/**
 * The checks that {@code realtime.*} properties share, each rejecting the field with a reason that says what a
 * valid value looks like.
 */
final class PropertyChecks {

	private PropertyChecks() {
	}

	static void positive(Errors errors, String field, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			errors.rejectValue(field, "positive", "must be a positive duration, such as 300ms or 10s");
		}
	}

	static void notNegative(Errors errors, String field, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			errors.rejectValue(field, "notNegative", "must be zero or a positive duration, such as 10s");
		}
	}

	static void positive(Errors errors, String field, @Nullable DataSize value) {
		if (value == null || value.toBytes() <= 0) {
			errors.rejectValue(field, "positive", "must be a positive size, such as 1MB");
		}
	}

	static void atLeastOne(Errors errors, String field, int value) {
		if (value < 1) {
			errors.rejectValue(field, "atLeastOne", "must be at least 1");
		}
	}

}
