package dev.realtime.server;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * A client's presence in one namespace (Socket.IO's server-side {@code Socket}). Its id is distinct from the id of
 * the connection it rides on. Every method is safe to call from any thread.
 */
public interface RealtimeSocket extends RemoteSocket {

	Namespace namespace();

	/** Whether the socket is still connected to its namespace. */
	boolean isConnected();

	/**
	 * Whether connection state recovery restored this socket after its client lost the connection: the same id,
	 * rooms and attributes, and the packets it missed were sent again.
	 */
	boolean recovered();

	/** The transport that carries the socket's connection now: {@code polling} or {@code websocket}. */
	String transport();

	/** The id of the Engine.IO connection the socket rides on, shared by the sockets of that connection. */
	String connectionId();

	/** When the socket joined its namespace (for a recovered socket, when it was restored). */
	Instant connectedAt();

	/** The authenticated user, if the HTTP security or a middleware established one. */
	@Nullable Principal principal();

	/** Replaces the socket's user, as authentication middleware does. */
	void setPrincipal(@Nullable Principal principal);

	/**
	 * The attribute's value, or null. Deliberately not generic, so that {@code socket.emit("whoami",
	 * socket.attribute("user"))} sends the value as one argument; {@link #attribute(String, Class)} gives it typed.
	 */
	default @Nullable Object attribute(String name) {
		return attributes().get(name);
	}

	/**
	 * The attribute's value as the given type, or null.
	 * @throws ClassCastException if the value is of another type
	 */
	default <T> @Nullable T attribute(String name, Class<T> type) {
		return type.cast(attributes().get(name));
	}

	/**
	 * Sends an event and completes with the first argument of the client's acknowledgement, or exceptionally with a
	 * {@link java.util.concurrent.TimeoutException} when none arrives in time or the socket disconnects first.
	 */
	CompletableFuture<Object> emitWithAck(Duration timeout, String event, Object... args);

	/** Targets every other socket of the namespace. */
	BroadcastOperator broadcast();

	/**
	 * Emits to this socket that it goes without when it cannot take them at once (Socket.IO's
	 * {@code socket.volatile.emit}): see {@link BroadcastOperator#asVolatile()}.
	 */
	BroadcastOperator asVolatile();

	/** Targets the sockets in these rooms, except this one. */
	BroadcastOperator to(String... rooms);

	/** Targets every other socket, except those in these rooms. */
	BroadcastOperator except(String... rooms);

	/**
	 * Runs when this socket leaves its namespace, after the namespace's disconnect handlers (Socket.IO's
	 * {@code socket.on("disconnect")}). Never runs for a socket whose CONNECT was refused, nor when added after the
	 * socket left.
	 */
	void onDisconnect(DisconnectHandler handler);

	/** Removes the socket from its namespace; the connection stays for other namespaces. */
	default void disconnect() {
		disconnect(false);
	}

}
