package dev.realtime.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.realtime.adapter.ConnectionStateRecovery;

/**
 * Connection state recovery (Socket.IO's {@code connectionStateRecovery}): a client that lost its connection and
 * reconnects within the maximum disconnection duration gets its socket id, rooms and attributes back, and the
 * packets it missed. Validates itself as it is bound, as {@link RealtimeProperties} does.
 */
@ConfigurationProperties("realtime.connection-state-recovery")
public class ConnectionStateRecoveryProperties implements Validator {

	/**
	 * Whether sockets are recovered after a temporary disconnection. Needs the in-memory adapter (a single
	 * instance) or an adapter that stores sessions, such as redis-streams.
	 */
	private boolean enabled;

	/**
	 * How long the session of a disconnected socket, and the packets it could miss, are kept.
	 */
	private Duration maxDisconnectionDuration = Duration.ofMinutes(2);

	/**
	 * Whether a recovered socket skips the CONNECT middleware; authentication runs all the same.
	 */
	private boolean skipMiddlewares = true;

	/**
	 * How many packets each namespace keeps for recovery at most; past it the oldest are dropped, and a client that
	 * missed them gets a new socket.
	 */
	private int maxStoredPackets = 10_000;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getMaxDisconnectionDuration() {
		return this.maxDisconnectionDuration;
	}

	public void setMaxDisconnectionDuration(Duration maxDisconnectionDuration) {
		this.maxDisconnectionDuration = maxDisconnectionDuration;
	}

	public boolean isSkipMiddlewares() {
		return this.skipMiddlewares;
	}

	public void setSkipMiddlewares(boolean skipMiddlewares) {
		this.skipMiddlewares = skipMiddlewares;
	}

	public int getMaxStoredPackets() {
		return this.maxStoredPackets;
	}

	public void setMaxStoredPackets(int maxStoredPackets) {
		this.maxStoredPackets = maxStoredPackets;
	}

	/** The settings the server applies, or null when recovery is off. */
	public @Nullable ConnectionStateRecovery toRecovery() {
		return this.enabled
				? new ConnectionStateRecovery(this.maxDisconnectionDuration, this.skipMiddlewares, this.maxStoredPackets)
				: null;
	}

	@Override
	public boolean supports(Class<?> type) {
		return type == ConnectionStateRecoveryProperties.class;
	}

	@Override
	public void validate(Object target, Errors errors) {
		ConnectionStateRecoveryProperties properties = (ConnectionStateRecoveryProperties) target;
		PropertyChecks.positive(errors, "maxDisconnectionDuration", properties.maxDisconnectionDuration);
		PropertyChecks.atLeastOne(errors, "maxStoredPackets", properties.maxStoredPackets);
	}

}
