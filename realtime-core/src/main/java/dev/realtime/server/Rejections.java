package dev.realtime.server;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the error object a client receives, and logs it: the application's own
 * {@link RealtimeException} in one line at DEBUG (a client's mistake must not flood the log), anything else with its
 * stack trace, which never reaches the client.
 */
final class Rejections {

	private static final Logger logger = LoggerFactory.getLogger(Rejections.class);

	private static final int MAX_DETAIL = 200;

	private Rejections() {
	}

	static Map<String, Object> toClient(Throwable failure, Object socket, String action) {
		if (failure instanceof RealtimeException) {
			logger.debug("{} refused for {}: {}", action, socket, reason(failure));
		}
		else {
			logger.error("{} failed for {}", action, socket, failure);
		}
		return RealtimeException.clientErrorOf(failure);
	}

	/** A refusal's message, with the first line of its cause's when it has one (why arguments did not convert). */
	private static String reason(Throwable refusal) {
		Throwable cause = refusal.getCause();
		if (cause == null || cause.getMessage() == null) {
			return refusal.getMessage();
		}
		String detail = cause.getMessage().lines().findFirst().orElse("");
		if (detail.length() > MAX_DETAIL) {
			detail = detail.substring(0, MAX_DETAIL) + "...";
		}
		return refusal.getMessage() + " (" + detail + ")";
	}

}
