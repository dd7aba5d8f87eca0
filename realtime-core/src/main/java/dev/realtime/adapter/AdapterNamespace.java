package dev.realtime.adapter;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.realtime.engine.EngineMessage;
import dev.realtime.protocol.Packet;

/** What an adapter sees of its namespace. */
public interface AdapterNamespace {

	String name();

	/** The socket with this id if it is connected to this node. */
	@Nullable LocalSocket localSocket(String id);

	/** A new acknowledgement id, unique among the pending acknowledgements of this namespace's sockets. */
	long nextAckId();

	/** Encodes a packet into the messages that carry it. */
	List<EngineMessage> encode(Packet packet);

}
