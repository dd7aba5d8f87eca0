package dev.realtime.protocol;

/**
 * Thrown when a client sends something that is not a valid Socket.IO packet. The connection that sent it cannot
 * be trusted to stay in step and should be closed.
 */
public class ProtocolException extends RuntimeException {

	public ProtocolException(String message) {
		super(message);
	}

	public ProtocolException(String message, Throwable cause) {
		super(message, cause);
	}

}
