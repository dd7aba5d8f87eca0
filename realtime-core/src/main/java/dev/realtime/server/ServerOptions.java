package dev.realtime.server;

import java.time.Duration;

/**
 * Socket.IO-level settings.
 *
 * @param connectTimeout how long a new connection may take to join a namespace before it is closed
 * @param middlewareTimeout how long a middleware may take to decide before it counts as a rejection
 */
public record ServerOptions(Duration connectTimeout, Duration middlewareTimeout) {

	public static ServerOptions defaults() {
		return new ServerOptions(Duration.ofSeconds(45), Duration.ofSeconds(10));
	}

}
