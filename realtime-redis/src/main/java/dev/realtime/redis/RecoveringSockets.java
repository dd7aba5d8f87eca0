package dev.realtime.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketType;

/**
 * The sockets of one namespace being recovered on this node, from the moment their session is taken from Redis
 * until they have joined their rooms again. What the stream brings for them meanwhile is kept, not delivered, and
 * delivered with what they missed, once, in the stream's order. Not thread-safe: the adapter holds its lock around
 * every use, and around the deliveries that must not come between.
 */
final class RecoveringSockets {

	/** How long a socket may take to join its rooms; one whose client left before is forgotten after it. */
	private static final long MAX_RECOVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

	private final Map<String, Recovering> sockets = new HashMap<>();

	/** Starts keeping, for a socket in these rooms, what the stream brings from this entry on. */
	void start(String sid, Set<String> rooms, String from) {
		long now = System.nanoTime();
		this.sockets.values().removeIf((recovering) -> now - recovering.startedAt > MAX_RECOVERY_NANOS);
		this.sockets.put(sid, new Recovering(rooms, from, now));
	}

	/** Adds what the socket missed before this node's reader got where it is now. */
	void missed(String sid, Map<String, List<Object>> packets) {
		Recovering recovering = this.sockets.get(sid);
		if (recovering != null) {
			recovering.packets.putAll(packets);
		}
	}

	/** A packet the stream brought, as this node delivers it: kept for each recovering socket it reaches. */
	void offer(String id, Packet packet, BroadcastOptions options) {
		if (!isStored(packet, options)) {
			return;
		}
		for (Recovering recovering : this.sockets.values()) {
			if (StreamIds.ORDER.compare(id, recovering.from) >= 0
					&& reaches(recovering.rooms, options.rooms(), options.except())) {
				recovering.packets.put(id, new ArrayList<>((List<?>) packet.data()));
			}
		}
	}

	/** The options less the recovering sockets, which get their packets once they have joined their rooms. */
	BroadcastOptions excluding(BroadcastOptions options) {
		if (this.sockets.isEmpty()) {
			return options;
		}
		Set<String> except = new HashSet<>(options.except());
		except.addAll(this.sockets.keySet());
		return new BroadcastOptions(options.rooms(), except, options.local(), options.sender(), options.isVolatile());
	}

	/**
	 * A socket joined rooms: when it is back in all of its own, it is recovered, and gets what was kept for it.
	 * @return the data of the packets to deliver to it, in order; null when it is not recovering
	 */
	@Nullable List<List<Object>> joined(String sid, Set<String> socketRooms) {
		Recovering recovering = this.sockets.get(sid);
		if (recovering == null || !socketRooms.containsAll(recovering.rooms)) {
			return null;
		}
		this.sockets.remove(sid);
		return new ArrayList<>(recovering.packets.values());
	}

	/** The socket will not connect (refused, or its client left): nothing more is kept for it. */
	void abandon(String sid) {
		this.sockets.remove(sid);
	}

	void clear() {
		this.sockets.clear();
	}

	/** Whether a packet is kept for recovery: an event without acknowledgement, not volatile, as Socket.IO does. */
	static boolean isStored(Packet packet, BroadcastOptions options) {
		return packet.type() == PacketType.EVENT && packet.id() == null && !options.isVolatile();
	}

	/** Whether a socket in these rooms was a recipient of a broadcast, as Socket.IO decides it for a missed one. */
	static boolean reaches(Set<String> socketRooms, Set<String> rooms, Set<String> except) {
		boolean included = rooms.isEmpty() || socketRooms.stream().anyMatch(rooms::contains);
		return included && socketRooms.stream().noneMatch(except::contains);
	}

	private static final class Recovering {

		final Set<String> rooms;

		final String from;

		final long startedAt;

		/** By entry id: the stream's order, and each entry once, whether read by the reader or the restore. */
		final TreeMap<String, List<Object>> packets = new TreeMap<>(StreamIds.ORDER);

		Recovering(Set<String> rooms, String from, long startedAt) {
			this.rooms = rooms;
			this.from = from;
			this.startedAt = startedAt;
		}

	}

}
