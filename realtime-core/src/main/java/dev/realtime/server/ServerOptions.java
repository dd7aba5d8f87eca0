package dev.realtime.server;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.realtime.adapter.ConnectionStateRecovery;

/**
 * Socket.IO-level settings.
 *
 * @param connectTimeout how long a new connection may take to join a namespace before it is closed
 * @param middlewareTimeout how long a middleware may take to decide before it counts as a rejection
 * @param recovery connection state recovery, or null when it is off
 */
public record ServerOptions(Duration connectTimeout, Duration middlewareTimeout,
		@Nullable ConnectionStateRecovery recovery) {

	public ServerOptions(Duration connectTimeout, Duration middlewareTimeout) {
		this(connectTimeout, middlewareTimeout, null);
	}

	public static ServerOptions defaults() {
		return new ServerOptions(Duration.ofSeconds(45), Duration.ofSeconds(10));
	}

}
