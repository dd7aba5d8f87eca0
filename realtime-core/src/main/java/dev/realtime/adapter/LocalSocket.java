package dev.realtime.adapter;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.realtime.engine.EngineMessage;
import dev.realtime.protocol.Packet;

/** What an adapter sees of a socket connected to this node. */
public interface LocalSocket {

	String id();

	/**
	 * Delivers a broadcast packet, already encoded once for all recipients.
	 * @param packet the packet, for outbound middleware that looks at the event
	 * @param encoded its encoded messages, shared by every recipient
	 * @param senderId the socket on whose behalf it was sent, or null
	 */
	void deliver(Packet packet, List<EngineMessage> encoded, @Nullable String senderId);

	/**
	 * Whether a packet sent now leaves at once: nothing waits for the client and its connection is not being
	 * upgraded. A volatile broadcast skips a socket that cannot.
	 */
	boolean isWritable();

	/** Routes the client's ACK with this id to the callback (broadcast with acknowledgements). */
	void expectAck(long id, Consumer<List<Object>> callback);

	/** Leaves the namespace; with {@code close}, closes the whole connection. */
	void disconnect(boolean close);

	SocketDetails details();

}
