package dev.realtime.middleware;

/**
 * The CONNECT line: once per namespace connection, before the socket is connected (Socket.IO's {@code io.use},
 * the collaboration server's {@code connect}, SocketCluster's {@code HANDSHAKE_SC}). A rejection reaches the client
 * as CONNECT_ERROR, its {@code connect_error} event; no connect or disconnect handler runs.
 */
@FunctionalInterface
public interface ConnectMiddleware extends RealtimeMiddleware {

	void onConnect(ConnectContext context, Next next) throws Exception;

}
