package dev.realtime.adapter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;

import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketType;

/**
 * The in-memory adapter with connection state recovery, as Socket.IO's {@code SessionAwareAdapter}: every EVENT that
 * asks for no acknowledgement and is not volatile is stored, its offset appended as its last argument (where the
 * client reads it); the sessions of sockets that lost their connection are kept for the maximum disconnection
 * duration. What is older is dropped every minute, at most a tenth of the window apart.
 */
public class SessionAwareAdapter extends InMemoryAdapter {

	private static final Duration MAX_EXPIRY_INTERVAL = Duration.ofMinutes(1);

	private final RecoveryStore store;

	private final ScheduledFuture<?> expiry;

	public SessionAwareAdapter(AdapterNamespace namespace, ConnectionStateRecovery recovery,
			TaskScheduler scheduler) {
		super(namespace);
		this.store = new RecoveryStore(recovery);
		Duration tenth = recovery.maxDisconnectionDuration().dividedBy(10);
		this.expiry = scheduler.scheduleWithFixedDelay(this.store::expire,
				(tenth.compareTo(MAX_EXPIRY_INTERVAL) < 0) ? tenth : MAX_EXPIRY_INTERVAL);
	}

	@Override
	public void broadcast(Packet packet, BroadcastOptions options) {
		super.broadcast(withOffset(packet, options), options);
	}

	/**
	 * Appends its offset to a packet that is stored. A volatile EVENT gets the last stored offset: the client takes
	 * a string last argument for an offset, and one of the application's own would make it unknown here.
	 */
	private Packet withOffset(Packet packet, BroadcastOptions options) {
		if (packet.type() != PacketType.EVENT || packet.id() != null) {
			return packet;
		}
		List<Object> data = new ArrayList<>((List<?>) packet.data());
		data.add(options.isVolatile() ? this.store.lastOffset() : this.store.store(data, options));
		return new Packet(packet.type(), packet.namespace(), null, data);
	}

	@Override
	public void persistSession(RecoverableSession session) {
		this.store.keep(session);
	}

	@Override
	public CompletableFuture<@Nullable RestoredSession> restoreSession(String pid, @Nullable String offset) {
		return CompletableFuture.completedFuture(this.store.restore(pid, offset));
	}

	/** Packets stored now. */
	public int storedPackets() {
		return this.store.storedPackets();
	}

	/** Packets dropped because they were older than the maximum disconnection duration. */
	public long expiredPackets() {
		return this.store.expiredPackets();
	}

	/** Packets dropped, oldest first, because the namespace stored its maximum. */
	public long droppedPackets() {
		return this.store.droppedPackets();
	}

	@Override
	public void close() {
		this.expiry.cancel(false);
	}

}
