package dev.realtime.sample.security;

import java.time.Instant;

/**
 * A chat token: who it was issued to and until when. Its {@link #getExpiresAt()} is what the realtime security reads
 * to refuse and disconnect a socket whose token expired.
 *
 * @param value the token the client presents
 * @param username the user it stands for
 * @param expiresAt when it stops being valid
 */
public record IssuedToken(String value, String username, Instant expiresAt) {

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

}
