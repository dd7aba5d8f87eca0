package dev.realtime.middleware;

import java.util.Map;

import dev.realtime.server.RealtimeSocket;

/** A socket asking to connect to a namespace; it is not connected yet. */
public final class ConnectContext extends SocketContext {

	public ConnectContext(RealtimeSocket socket) {
		super(socket);
	}

	/** The CONNECT payload: what the client passed as {@code auth}. */
	public Map<String, Object> auth() {
		return handshake().auth();
	}

}
