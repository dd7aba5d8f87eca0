package dev.realtime.adapter;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import dev.realtime.protocol.Packet;

/**
 * Keeps the rooms of one namespace and carries its broadcasts, on this node alone ({@link InMemoryAdapter}) or
 * across a cluster. The same operations as Socket.IO's adapter, so cluster adapters can speak their protocol.
 */
public interface Adapter {

	/** Adds a socket to rooms. */
	void addAll(String socketId, Set<String> rooms);

	/** Removes a socket from a room. */
	void del(String socketId, String room);

	/** Removes a socket from every room. */
	void delAll(String socketId);

	/** The rooms of a local socket. */
	Set<String> socketRooms(String socketId);

	/** The local sockets reached by these rooms (every local socket when empty). */
	Set<String> sockets(Set<String> rooms);

	/** Sends a packet to every socket the options reach. */
	void broadcast(Packet packet, BroadcastOptions options);

	/**
	 * Sends a packet that asks for acknowledgements.
	 * @param clientCount told, once per node, how many sockets the packet reached there
	 * @param ack told each client's acknowledgement arguments
	 */
	void broadcastWithAck(Packet packet, BroadcastOptions options, IntConsumer clientCount,
			Consumer<List<Object>> ack);

	/**
	 * Sends a packet that asks for acknowledgements, which are awaited for at most {@code timeout}; a cluster
	 * adapter stops routing other nodes' acknowledgements after that.
	 */
	default void broadcastWithAck(Packet packet, BroadcastOptions options, Duration timeout, IntConsumer clientCount,
			Consumer<List<Object>> ack) {
		broadcastWithAck(packet, options, clientCount, ack);
	}

	/** The sockets the options reach, on every node. */
	CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions options);

	/** Makes the sockets the options reach join rooms. */
	void addSockets(BroadcastOptions options, Set<String> rooms);

	/** Makes the sockets the options reach leave rooms. */
	void delSockets(BroadcastOptions options, Set<String> rooms);

	/** Disconnects the sockets the options reach. */
	void disconnectSockets(BroadcastOptions options, boolean close);

	/**
	 * Sends an event to the handlers of the other nodes, not to clients (Socket.IO's {@code serverSideEmit}). A
	 * single node has no other nodes to send it to.
	 * @param packet the event name, then its arguments
	 */
	default void serverSideEmit(List<Object> packet) {
	}

	/**
	 * Sends an event to the handlers of the other nodes and completes with the first acknowledgement argument of
	 * each, or exceptionally when some did not answer within {@code timeout}. A single node completes with none.
	 * @param packet the event name, then its arguments
	 */
	default CompletableFuture<List<Object>> serverSideEmitWithAck(List<Object> packet, Duration timeout) {
		return CompletableFuture.completedFuture(List.of());
	}

	/**
	 * Keeps the session of a socket whose connection ended for a recoverable reason (connection state recovery). An
	 * adapter that does not support recovery keeps nothing.
	 */
	default void persistSession(RecoverableSession session) {
	}

	/**
	 * The session a client shows the private id of, with every packet that targeted it after {@code offset}
	 * (every one since it connected when the offset is null); completes with null when the session is unknown or
	 * expired, or the offset is no longer stored.
	 */
	default CompletableFuture<@Nullable RestoredSession> restoreSession(String pid, @Nullable String offset) {
		return CompletableFuture.completedFuture(null);
	}

	/** How many nodes share this namespace. */
	CompletableFuture<Integer> serverCount();

	/** Releases what the adapter holds. */
	default void close() {
	}

}
