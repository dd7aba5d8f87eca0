package dev.realtime.server;

import java.util.Map;
import java.util.Set;

/**
 * A socket found by {@code fetchSockets()}, on this node or another: what can be read and done from anywhere.
 */
public interface RemoteSocket {

	String id();

	Handshake handshake();

	/** The rooms the socket is in, including the one named by its id. */
	Set<String> rooms();

	/** Values the application keeps on the socket (Socket.IO's {@code socket.data}). */
	Map<String, Object> attributes();

	/** Sends an event to this socket. */
	void emit(String event, Object... args);

	void join(String... rooms);

	void leave(String room);

	/** Removes the socket from its namespace; with {@code close}, closes its whole connection. */
	void disconnect(boolean close);

}
