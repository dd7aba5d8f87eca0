package dev.realtime.security;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import dev.realtime.server.RealtimeException;

/**
 * The credentials of a socket have expired (SocketCluster's {@code AuthTokenExpiredError}): its actions are refused
 * with this error until the client reconnects with fresh credentials. The client receives
 * {@code {"message": "Auth token expired", "name": "AuthTokenExpiredError", "expiry": ...}}.
 */
public class AuthTokenExpiredException extends RealtimeException {

	public static final String NAME = "AuthTokenExpiredError";

	private final @Nullable Instant expiry;

	/**
	 * @param expiry when the credentials expired, or null when the authentication provider only said they had
	 */
	public AuthTokenExpiredException(@Nullable Instant expiry) {
		super("Auth token expired");
		this.expiry = expiry;
		with("name", NAME);
		if (expiry != null) {
			with("expiry", expiry.toString());
		}
	}

	public @Nullable Instant getExpiry() {
		return this.expiry;
	}

}
