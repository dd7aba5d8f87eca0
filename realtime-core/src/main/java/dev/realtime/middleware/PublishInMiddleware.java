package dev.realtime.middleware;

/**
 * The PUBLISH_IN line: a client publishes to a channel, before the broker (SocketCluster's {@code PUBLISH_IN}). A
 * rejection answers the publish acknowledgement with the error.
 */
@FunctionalInterface
public interface PublishInMiddleware extends RealtimeMiddleware {

	void onPublishIn(PublishInContext context, Next next) throws Exception;

}
