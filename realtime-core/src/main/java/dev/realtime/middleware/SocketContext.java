package dev.realtime.middleware;

import java.security.Principal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.realtime.server.Handshake;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeSocket;

/**
 * What every socket-level line sees: the socket, its namespace and handshake (headers, query, {@code auth}
 * payload, remote address, principal). What a middleware stores here is what the handlers see.
 */
public abstract class SocketContext {

	private final RealtimeSocket socket;

	protected SocketContext(RealtimeSocket socket) {
		this.socket = socket;
	}

	/** The socket acting, or for the outbound lines the recipient. */
	public RealtimeSocket socket() {
		return this.socket;
	}

	public Namespace namespace() {
		return this.socket.namespace();
	}

	public Handshake handshake() {
		return this.socket.handshake();
	}

	public @Nullable Principal principal() {
		return this.socket.principal();
	}

	/** Makes this the socket's user from now on, as authentication does. */
	public void setPrincipal(@Nullable Principal principal) {
		this.socket.setPrincipal(principal);
	}

	/** The socket's attributes, shared with its handlers. */
	public Map<String, Object> attributes() {
		return this.socket.attributes();
	}

}
