package dev.realtime.websocket;

/**
 * A client broke the WebSocket protocol; the connection is closed with {@link #closeCode()}.
 */
final class WebSocketProtocolException extends RuntimeException {

	private final int closeCode;

	WebSocketProtocolException(String message) {
		this(CloseCodes.PROTOCOL_ERROR, message);
	}

	WebSocketProtocolException(int closeCode, String message) {
		super(message, null, false, false);
		this.closeCode = closeCode;
	}

	int closeCode() {
		return this.closeCode;
	}

}
