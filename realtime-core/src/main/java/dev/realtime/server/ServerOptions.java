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
 * @param namespacesPerConnection how many namespaces one connection may join (or be joining) at once
 * @param cleanupEmptyDynamicNamespaces whether a namespace made from a dynamic namespace is removed, its adapter
 *        closed, once its last socket has left (Socket.IO's {@code cleanupEmptyChildNamespaces})
 */
public record ServerOptions(Duration connectTimeout, Duration middlewareTimeout,
		@Nullable ConnectionStateRecovery recovery, int namespacesPerConnection, boolean cleanupEmptyDynamicNamespaces) {

	public static final int DEFAULT_NAMESPACES_PER_CONNECTION = 100;

	public ServerOptions {
		if (namespacesPerConnection < 1) {
			throw new IllegalArgumentException("A connection must be able to join at least 1 namespace");
		}
	}

	public ServerOptions(Duration connectTimeout, Duration middlewareTimeout,
			@Nullable ConnectionStateRecovery recovery) {
		this(connectTimeout, middlewareTimeout, recovery, DEFAULT_NAMESPACES_PER_CONNECTION, true);
	}

	public ServerOptions(Duration connectTimeout, Duration middlewareTimeout) {
		this(connectTimeout, middlewareTimeout, null);
	}

	public static ServerOptions defaults() {
		return new ServerOptions(Duration.ofSeconds(45), Duration.ofSeconds(10));
	}

}
