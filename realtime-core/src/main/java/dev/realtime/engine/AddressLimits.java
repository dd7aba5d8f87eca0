package dev.realtime.engine;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Limits on what one client address may open: sessions at once, and handshakes per second (a token bucket that
 * holds a second's worth and refills at that rate). The address is the handshake request's remote address as the
 * container reports it, so it is the one a proxy forwarded only where the application's forward-headers strategy
 * made the container (or Spring's {@code ForwardedHeaderFilter}) take it from the headers. An address is tracked
 * while it has a session open or used handshakes it has not got back yet, and no longer.
 */
public final class AddressLimits {

	/** No limit: nothing is tracked. */
	public static final AddressLimits NONE = new AddressLimits(0, 0);

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private final int connections;

	private final int handshakesPerSecond;

	private final long nanosPerHandshake;

	private final LongSupplier nanoClock;

	private final Map<String, Usage> addresses = new ConcurrentHashMap<>();

	private final AtomicLong nextSweep;

	/**
	 * @param connections sessions one address may have open at once; 0 for no limit
	 * @param handshakesPerSecond handshakes one address may make per second; 0 for no limit
	 */
	public AddressLimits(int connections, int handshakesPerSecond) {
		this(connections, handshakesPerSecond, System::nanoTime);
	}

	/**
	 * @param nanoClock a monotonic clock in nanoseconds, {@link System#nanoTime()} outside tests
	 */
	public AddressLimits(int connections, int handshakesPerSecond, LongSupplier nanoClock) {
		if (connections < 0 || handshakesPerSecond < 0) {
			throw new IllegalArgumentException("Limits are positive, or 0 for none");
		}
		this.connections = connections;
		this.handshakesPerSecond = handshakesPerSecond;
		this.nanosPerHandshake = (handshakesPerSecond > 0) ? SECOND / handshakesPerSecond : 0;
		this.nanoClock = nanoClock;
		this.nextSweep = new AtomicLong(nanoClock.getAsLong());
	}

	/** Sessions one address may have open at once; 0 when there is no limit. */
	public int connections() {
		return this.connections;
	}

	/** Handshakes one address may make per second; 0 when there is no limit. */
	public int handshakesPerSecond() {
		return this.handshakesPerSecond;
	}

	private boolean isEnabled() {
		return this.connections > 0 || this.handshakesPerSecond > 0;
	}

	/**
	 * Counts a handshake, and the session it opens, against the handshake's address; the session counts until
	 * {@link #release}.
	 * @return the error that refuses the handshake, or null when it may open a session
	 */
	@Nullable EngineError admit(EngineRequest handshake) {
		String address = addressOf(handshake);
		if (address == null || !isEnabled()) {
			return null;
		}
		long now = this.nanoClock.getAsLong();
		sweep(now);
		EngineError[] refusal = new EngineError[1];
		this.addresses.compute(address, (key, usage) -> {
			Usage counted = (usage != null) ? usage : new Usage(now);
			refusal[0] = admit(counted, now);
			return counted.isIdle(now) ? null : counted;
		});
		return refusal[0];
	}

	private @Nullable EngineError admit(Usage usage, long now) {
		if (this.handshakesPerSecond > 0) {
			long start = (usage.fullAt - now > 0) ? usage.fullAt : now;
			if (start + this.nanosPerHandshake - SECOND - now > 0) {
				return EngineError.TOO_MANY_HANDSHAKES;
			}
			usage.fullAt = start + this.nanosPerHandshake;
		}
		if (this.connections > 0 && usage.open >= this.connections) {
			return EngineError.TOO_MANY_CONNECTIONS;
		}
		usage.open++;
		return null;
	}

	/** A session that {@link #admit} counted closed, or never opened after all. */
	void release(EngineRequest handshake) {
		String address = addressOf(handshake);
		if (address == null || !isEnabled()) {
			return;
		}
		long now = this.nanoClock.getAsLong();
		this.addresses.computeIfPresent(address, (key, usage) -> {
			usage.open = Math.max(usage.open - 1, 0);
			return usage.isIdle(now) ? null : usage;
		});
	}

	/** How many addresses are tracked now. */
	public int trackedAddresses() {
		return this.addresses.size();
	}

	/** Drops addresses without sessions whose handshakes came back, at most once a second. */
	private void sweep(long now) {
		long due = this.nextSweep.get();
		if (now - due >= 0 && this.nextSweep.compareAndSet(due, now + SECOND)) {
			for (String address : this.addresses.keySet()) {
				this.addresses.computeIfPresent(address, (key, usage) -> usage.isIdle(now) ? null : usage);
			}
		}
	}

	private static @Nullable String addressOf(EngineRequest handshake) {
		InetSocketAddress remote = handshake.remoteAddress();
		return (remote != null) ? remote.getHostString() : null;
	}

	/** What one address uses; read and changed only inside the map's atomic updates of its entry. */
	private static final class Usage {

		private int open;

		/** When the handshake bucket is full again (the generic cell rate algorithm). */
		private long fullAt;

		Usage(long now) {
			this.fullAt = now;
		}

		boolean isIdle(long now) {
			return this.open == 0 && this.fullAt - now <= 0;
		}

	}

}
