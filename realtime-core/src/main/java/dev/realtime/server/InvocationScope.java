package dev.realtime.server;

/**
 * Surrounds every call of application code on behalf of a socket: its middleware and its handlers, on whatever
 * thread they run. The security bridge uses it to expose the socket's user as the thread's security context, and
 * to clear it afterwards so it never leaks to another socket.
 */
@FunctionalInterface
public interface InvocationScope {

	/** Enters the scope for a socket; the returned handle leaves it. */
	Scope enter(RealtimeSocket socket);

	/** Leaves a scope; never fails. */
	@FunctionalInterface
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

	/** A scope that does nothing. */
	InvocationScope NONE = (socket) -> () -> {
	};

}
