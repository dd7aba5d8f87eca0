package dev.realtime.server;

/** Why a socket left its namespace, in Socket.IO's own words. */
public enum DisconnectReason {

	/** The server called {@link RealtimeSocket#disconnect()}. */
	SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
	/** The client called {@code socket.disconnect()}. */
	CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
	/** The server is stopping. */
	SERVER_SHUTTING_DOWN("server shutting down"),
	/** The client did not answer a ping in time. */
	PING_TIMEOUT("ping timeout"),
	/** The connection was closed (the user left the page, the network dropped). */
	TRANSPORT_CLOSE("transport close"),
	/** The connection failed. */
	TRANSPORT_ERROR("transport error"),
	/** The client sent a packet that could not be decoded or is not allowed. */
	PARSE_ERROR("parse error"),
	/** The Engine.IO session was closed by the server. */
	FORCED_CLOSE("forced close"),
	/** The server called {@link RealtimeSocket#disconnect(boolean)} with {@code true}. */
	FORCED_SERVER_CLOSE("forced server close");

	private final String reason;

	DisconnectReason(String reason) {
		this.reason = reason;
	}

	/** The reason as Socket.IO writes it. */
	public String reason() {
		return this.reason;
	}

	/**
	 * Whether connection state recovery keeps the socket's session: the connection was lost or the server closed
	 * it, but neither side asked the socket to leave.
	 */
	public boolean isRecoverable() {
		return switch (this) {
			case TRANSPORT_ERROR, TRANSPORT_CLOSE, FORCED_CLOSE, PING_TIMEOUT, SERVER_SHUTTING_DOWN, FORCED_SERVER_CLOSE ->
				true;
			default -> false;
		};
	}

	/** The reason for an Engine.IO close reason; unknown ones count as a transport error. */
	public static DisconnectReason ofEngineReason(String reason) {
		for (DisconnectReason candidate : values()) {
			if (candidate.reason.equals(reason)) {
				return candidate;
			}
		}
		return TRANSPORT_ERROR;
	}

	@Override
	public String toString() {
		return this.reason;
	}

}
