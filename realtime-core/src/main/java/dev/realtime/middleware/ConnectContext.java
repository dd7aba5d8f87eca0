package dev.realtime.middleware;

import java.util.Map;
import java.util.concurrent.CompletionStage;

import dev.realtime.server.RealtimeSocket;

/** A socket asking to connect to a namespace; it is not connected yet. */
public final class ConnectContext extends SocketContext {

	private final CompletionStage<Verdict> outcome;

	/**
	 * @param outcome completed by the server once it has handled the CONNECT, see {@link #outcome()}
	 */
	public ConnectContext(RealtimeSocket socket, CompletionStage<Verdict> outcome) {
		super(socket);
		this.outcome = outcome;
	}

	/** The CONNECT payload: what the client passed as {@code auth}. */
	public Map<String, Object> auth() {
		return handshake().auth();
	}

	/**
	 * How the whole CONNECT chain ended, the middleware after this one included; completes on the connection's
	 * executor once the server has acted on it. The socket is then {@link RealtimeSocket#isConnected() connected},
	 * unless the chain did not proceed or the client left meanwhile.
	 */
	public CompletionStage<Verdict> outcome() {
		return this.outcome;
	}

}
