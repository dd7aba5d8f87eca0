package dev.realtime.middleware;

/**
 * The CONNECT line: once per namespace connection, before the socket is connected (Socket.IO's {@code io.use},
 * the collaboration server's {@code connect}, SocketCluster's {@code HANDSHAKE_SC}). A rejection reaches the client
 * as CONNECT_ERROR, its {@code connect_error} event; no connect or disconnect handler runs.
 */
@FunctionalInterface
public interface ConnectMiddleware extends RealtimeMiddleware {

	void onConnect(ConnectContext context, Next next) throws Exception;

	/**
	 * Whether a socket that connection state recovery restores passes this middleware even when
	 * {@code skip-middlewares} is on: true for authentication, which an expired token must still fail.
	 */
	default boolean runsOnRecovery() {
		return false;
	}

}
