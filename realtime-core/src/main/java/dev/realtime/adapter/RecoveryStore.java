package dev.realtime.adapter;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * What connection state recovery keeps on one node for a namespace: the packets that sockets could miss, each under
 * its offset, and the sessions of sockets whose connection ended; bounded in time (the maximum disconnection
 * duration) and in count (the oldest packets go first), and counted when they go.
 */
final class RecoveryStore {

	private final long windowMillis;

	private final int maxPackets;

	// offsets of this node's run, so that an offset of an earlier run is unknown here rather than taken for another
	private final String run = Long.toString(System.currentTimeMillis(), 36) + "-";

	/** The offset before every stored packet, which a client that has received none may hold. */
	private final String origin = this.run + "0";

	private long lastNumber;

	private final LinkedHashMap<String, Stored> packets = new LinkedHashMap<>();

	private final Map<String, Kept> sessions = new ConcurrentHashMap<>();

	private long expiredPackets;

	private long droppedPackets;

	RecoveryStore(ConnectionStateRecovery recovery) {
		this.windowMillis = recovery.maxDisconnectionDuration().toMillis();
		this.maxPackets = recovery.maxStoredPackets();
	}

	/** Stores the data of a packet sent with these options, and returns its offset. */
	synchronized String store(List<Object> data, BroadcastOptions options) {
		String offset = this.run + (++this.lastNumber);
		this.packets.put(offset, new Stored(data, options.rooms(), options.except(), System.currentTimeMillis()));
		if (this.packets.size() > this.maxPackets) {
			Iterator<Stored> oldest = this.packets.values().iterator();
			oldest.next();
			oldest.remove();
			this.droppedPackets++;
		}
		return offset;
	}

	/** The offset of the last packet stored, which tells a client that it has missed nothing older. */
	synchronized String lastOffset() {
		return (this.lastNumber > 0) ? this.run + this.lastNumber : this.origin;
	}

	void keep(RecoverableSession session) {
		this.sessions.put(session.pid(), new Kept(session, System.currentTimeMillis()));
	}

	/** The session and what it missed after the offset; null when either is unknown or too old. */
	synchronized @Nullable RestoredSession restore(String pid, @Nullable String offset) {
		Kept kept = this.sessions.get(pid);
		if (kept == null || kept.disconnectedAt() < System.currentTimeMillis() - this.windowMillis) {
			return null;
		}
		boolean fromStart = offset == null || offset.equals(this.origin);
		if (!fromStart && !this.packets.containsKey(offset)) {
			return null;
		}
		this.sessions.remove(pid);
		RecoverableSession session = kept.session();
		long connectedAt = session.connectedAt().toEpochMilli();
		List<List<Object>> missed = new ArrayList<>();
		boolean after = fromStart;
		for (Map.Entry<String, Stored> entry : this.packets.entrySet()) {
			Stored stored = entry.getValue();
			if (!after) {
				after = entry.getKey().equals(offset);
			}
			else if ((!fromStart || stored.emittedAt() >= connectedAt) && stored.reaches(session.rooms())) {
				missed.add(stored.data());
			}
		}
		return new RestoredSession(session, missed);
	}

	/** Drops the packets and sessions older than the window. */
	synchronized void expire() {
		long threshold = System.currentTimeMillis() - this.windowMillis;
		Iterator<Stored> oldest = this.packets.values().iterator();
		while (oldest.hasNext() && oldest.next().emittedAt() < threshold) {
			oldest.remove();
			this.expiredPackets++;
		}
		this.sessions.values().removeIf((kept) -> kept.disconnectedAt() < threshold);
	}

	synchronized int storedPackets() {
		return this.packets.size();
	}

	/** Packets dropped because they were older than the window. */
	synchronized long expiredPackets() {
		return this.expiredPackets;
	}

	/** Packets dropped, oldest first, because the namespace stored its maximum. */
	synchronized long droppedPackets() {
		return this.droppedPackets;
	}

	private record Stored(List<Object> data, Set<String> rooms, Set<String> except, long emittedAt) {

		/** Whether a socket in these rooms was a recipient, as Socket.IO decides it for a missed packet. */
		boolean reaches(Set<String> socketRooms) {
			boolean included = this.rooms.isEmpty() || socketRooms.stream().anyMatch(this.rooms::contains);
			return included && socketRooms.stream().noneMatch(this.except::contains);
		}

	}

	private record Kept(RecoverableSession session, long disconnectedAt) {
	}

}
