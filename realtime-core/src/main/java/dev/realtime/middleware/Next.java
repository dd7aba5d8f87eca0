package dev.realtime.middleware;

/**
 * How a middleware decides: exactly one call, now or later from any thread. A middleware that never decides is
 * ended by {@code realtime.middleware.timeout} as a rejection. Deciding twice throws {@link IllegalStateException}
 * and changes nothing.
 */
public interface Next {

	/** Lets the action go on to the next middleware, then the handlers (Socket.IO's {@code next()}). */
	void proceed();

	/**
	 * Stops the action with an error (Socket.IO's {@code next(err)}). The client learns the message, {@code data}
	 * and extra properties of a {@link dev.realtime.server.RealtimeException}; of any other error only a generic
	 * message, its details going to the server log.
	 */
	void reject(Throwable error);

	/**
	 * Stops the action silently, with no server warning (SocketCluster's {@code next(true)}). An acknowledgement
	 * the client asked for is still answered, with a "blocked" error, so no client waits forever.
	 */
	void block();

}
