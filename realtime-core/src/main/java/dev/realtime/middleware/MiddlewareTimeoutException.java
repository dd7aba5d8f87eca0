package dev.realtime.middleware;

import dev.realtime.server.RealtimeException;

/** A middleware did not decide within {@code realtime.middleware.timeout}. */
public class MiddlewareTimeoutException extends RealtimeException {

	public MiddlewareTimeoutException() {
		super("Middleware timed out");
	}

}
