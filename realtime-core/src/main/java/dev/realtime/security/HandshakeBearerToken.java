package dev.realtime.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * An unauthenticated request holding a bearer token (an opaque token or a JWT) that a client presented when it
 * connected. An {@link org.springframework.security.authentication.AuthenticationProvider} that supports this type
 * validates the token and returns the authenticated user.
 */
public class HandshakeBearerToken extends AbstractAuthenticationToken {

	private final String token;

	public HandshakeBearerToken(String token) {
		super(List.of());
		this.token = token;
		setAuthenticated(false);
	}

	public String getToken() {
		return this.token;
	}

	@Override
	public String getCredentials() {
		return this.token;
	}

	@Override
	public String getPrincipal() {
		return this.token;
	}

}
