package dev.realtime.adapter;

import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.realtime.engine.EngineMessage;
import dev.realtime.protocol.Packet;

/** What an adapter sees of its namespace. */
public interface AdapterNamespace {

	String name();

	/** The socket with this id if it is connected to this node. */
	@Nullable LocalSocket localSocket(String id);

	/**
	 * The settings of connection state recovery, or null when it is off: an adapter that keeps sessions elsewhere
	 * than in memory reads how long from here.
	 */
	default @Nullable ConnectionStateRecovery recovery() {
		return null;
	}

	/** A new acknowledgement id, unique among the pending acknowledgements of this namespace's sockets. */
	long nextAckId();

	/** A local socket joined a room it was not in. */
	default void joined(String socketId, String room) {
	}

	/** A local socket left a room it was in. */
	default void left(String socketId, String room) {
	}

	/** Encodes a packet into the messages that carry it. */
	List<EngineMessage> encode(Packet packet);

	/**
	 * Hands an event that another node sent with {@code serverSideEmit} to this namespace's handlers.
	 * @param packet the event name, then its arguments
	 * @param ack told the acknowledgement arguments, at most once, when the sending node asked for them
	 */
	default void receiveServerSideEmit(List<Object> packet, @Nullable Consumer<List<Object>> ack) {
	}

}
