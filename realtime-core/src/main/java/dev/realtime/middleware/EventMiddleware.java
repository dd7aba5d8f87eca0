package dev.realtime.middleware;

/**
 * The EVENT line: each event from a client, before its handlers (Socket.IO's {@code socket.use}, the
 * collaboration server's {@code message}, SocketCluster's {@code EMIT}). A rejection answers the client's ack with
 * the error, or, when it asked for none, reaches it as an {@code error} event.
 */
@FunctionalInterface
public interface EventMiddleware extends RealtimeMiddleware {

	void onEvent(EventContext context, Next next) throws Exception;

}
