package dev.realtime.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

import dev.realtime.server.Handshake;

/**
 * Reads the credentials a client presented when it connected to a namespace (its {@code auth} payload, the
 * headers and query parameters of its handshake request) as an authentication request for the
 * {@link org.springframework.security.authentication.AuthenticationManager}.
 */
@FunctionalInterface
public interface HandshakeAuthenticationConverter {

	/** The unauthenticated authentication request, or null when the client presented no credentials. */
	@Nullable Authentication convert(Handshake handshake);

}
