package dev.realtime.server;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the error object a client receives, and logs it: the application's own
 * {@link RealtimeException} briefly, anything else with its stack trace, which never reaches the client.
 */
final class Rejections {

	private static final Logger logger = LoggerFactory.getLogger(Rejections.class);

	private Rejections() {
	}

	static Map<String, Object> toClient(Throwable failure, Object socket, String action) {
		if (failure instanceof RealtimeException) {
			logger.debug("{} refused for {}: {}", action, socket, failure.getMessage());
		}
		else {
			logger.error("{} failed for {}", action, socket, failure);
		}
		return RealtimeException.clientErrorOf(failure);
	}

}
