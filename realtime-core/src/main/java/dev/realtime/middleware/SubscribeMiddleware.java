package dev.realtime.middleware;

/**
 * The SUBSCRIBE line: a client asks to join a channel (SocketCluster's {@code SUBSCRIBE}). A rejection answers
 * the subscribe acknowledgement with the error.
 */
@FunctionalInterface
public interface SubscribeMiddleware extends RealtimeMiddleware {

	void onSubscribe(SubscribeContext context, Next next) throws Exception;

}
