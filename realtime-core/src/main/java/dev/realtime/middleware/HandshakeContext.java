package dev.realtime.middleware;

import jakarta.servlet.http.HttpServletRequest;

/**
 * An HTTP request of the endpoint (a polling GET or POST, or the WebSocket upgrade), before Engine.IO looks at
 * it (Socket.IO's {@code io.engine.use}, SocketCluster's {@code HANDSHAKE_WS}). A rejection answers it with HTTP 403
 * and {@code {"code":4,"message":...}}, or with the status of a {@link HandshakeRejectedException}.
 */
public final class HandshakeContext {

	private final HttpServletRequest request;

	public HandshakeContext(HttpServletRequest request) {
		this.request = request;
	}

	public HttpServletRequest request() {
		return this.request;
	}

	/** Whether this request opens a session (it has no {@code sid}), as the Socket.IO docs check. */
	public boolean isHandshake() {
		return this.request.getParameter("sid") == null;
	}

	/** {@code polling} or {@code websocket}. */
	public String transport() {
		return String.valueOf(this.request.getParameter("transport"));
	}

	/** Stores a value the socket-level lines can read from the handshake request's attributes. */
	public void setAttribute(String name, Object value) {
		this.request.setAttribute(name, value);
	}

}
