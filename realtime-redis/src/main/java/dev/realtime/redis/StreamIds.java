package dev.realtime.redis;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Ids of Redis stream entries, {@code <milliseconds>-<sequence>}: the offsets that connection state recovery gives
 * clients with this adapter, as the Node one does.
 */
final class StreamIds {

	private static final Pattern ID = Pattern.compile("[0-9]{1,18}-[0-9]{1,18}");

	/** Before every entry: where reading an empty stream starts; no entry has it. */
	static final String BEFORE_ALL = "0-0";

	static final Comparator<String> ORDER = Comparator.comparingLong(StreamIds::millis)
		.thenComparingLong(StreamIds::sequence);

	private StreamIds() {
	}

	static boolean isValid(String id) {
		return ID.matcher(id).matches();
	}

	/** The id right after this one: exclusive ranges need Redis 6.2, and this works with any. */
	static String next(String id) {
		return millis(id) + "-" + (sequence(id) + 1);
	}

	/** The first id of a millisecond. */
	static String first(long millis) {
		return millis + "-0";
	}

	private static long millis(String id) {
		return Long.parseLong(id, 0, id.indexOf('-'), 10);
	}

	private static long sequence(String id) {
		return Long.parseLong(id, id.indexOf('-') + 1, id.length(), 10);
	}

}
