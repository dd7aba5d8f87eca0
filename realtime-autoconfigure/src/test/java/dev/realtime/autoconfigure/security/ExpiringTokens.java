package dev.realtime.autoconfigure.security;

import java.time.Instant;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

import dev.realtime.security.HandshakeBearerToken;

/**
 * Opaque tokens written {@code name@expiryEpochMillis}, authenticated as applications commonly do: a
 * {@code UsernamePasswordAuthenticationToken} of the user's {@code UserDetails}, with the issued token (which has
 * {@code getExpiresAt()}) as its credentials, which a {@code ProviderManager} erases.
 */
final class ExpiringTokens implements AuthenticationProvider {

	static String token(String name, Instant expiresAt) {
		return name + "@" + expiresAt.toEpochMilli();
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String[] parts = ((HandshakeBearerToken) authentication).getToken().split("@", 2);
		if (parts.length != 2) {
			throw new BadCredentialsException("Unknown token");
		}
		User user = new User(parts[0], "secret", AuthorityUtils.createAuthorityList("ROLE_USER"));
		return UsernamePasswordAuthenticationToken.authenticated(user,
				new IssuedToken(Instant.ofEpochMilli(Long.parseLong(parts[1]))), user.getAuthorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return HandshakeBearerToken.class.isAssignableFrom(authentication);
	}

	/** An issued token and when it expires. */
	record IssuedToken(Instant expiresAt) {

		public Instant getExpiresAt() {
			return this.expiresAt;
		}

	}

}
