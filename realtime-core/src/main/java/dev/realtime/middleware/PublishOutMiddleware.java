package dev.realtime.middleware;

/**
 * The PUBLISH_OUT line: once per subscriber, before a publication is delivered to it (SocketCluster's
 * {@code PUBLISH_OUT}). A rejection or block skips that subscriber only. When none is registered, deliveries cost
 * nothing extra.
 */
@FunctionalInterface
public interface PublishOutMiddleware extends RealtimeMiddleware {

	void onPublishOut(PublishOutContext context, Next next) throws Exception;

}
