package dev.realtime.middleware;

/**
 * The HANDSHAKE line: each HTTP request of the endpoint, including the WebSocket upgrade, before Engine.IO
 * validates it. For work that belongs to the first request of a session only (authentication of the handshake),
 * check {@link HandshakeContext#isHandshake()} or wrap the middleware with {@link #firstRequestOnly}. Work that must
 * wrap the HTTP exchange itself (sessions, security headers) belongs in a servlet filter.
 */
@FunctionalInterface
public interface HandshakeMiddleware extends RealtimeMiddleware {

	void onHandshake(HandshakeContext context, Next next) throws Exception;

	/** The middleware, run only on requests that open a session; later requests of the session pass. */
	static HandshakeMiddleware firstRequestOnly(HandshakeMiddleware middleware) {
		return (context, next) -> {
			if (context.isHandshake()) {
				middleware.onHandshake(context, next);
			}
			else {
				next.proceed();
			}
		};
	}

}
