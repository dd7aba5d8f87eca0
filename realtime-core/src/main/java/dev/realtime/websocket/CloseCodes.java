package dev.realtime.websocket;

/**
 * The WebSocket close status codes this server sends or reads (RFC 6455, section 7.4.1).
 */
final class CloseCodes {

	static final int NORMAL = 1000;

	static final int PROTOCOL_ERROR = 1002;

	/** Not sent: stands for a close frame that carried no code. */
	static final int NO_STATUS = 1005;

	static final int INVALID_PAYLOAD = 1007;

	static final int MESSAGE_TOO_BIG = 1009;

	private CloseCodes() {
	}

}
