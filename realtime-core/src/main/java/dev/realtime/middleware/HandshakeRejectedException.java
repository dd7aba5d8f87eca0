package dev.realtime.middleware;

import dev.realtime.server.RealtimeException;

/** Refuses an HTTP request of the endpoint with a status of its own (403 otherwise). */
public class HandshakeRejectedException extends RealtimeException {

	private final int status;

	public HandshakeRejectedException(int status, String message) {
		super(message);
		this.status = status;
	}

	public int getStatus() {
		return this.status;
	}

}
