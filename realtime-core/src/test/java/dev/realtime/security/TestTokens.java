package dev.realtime.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Validates test bearer tokens written {@code name[:ROLE,ROLE][@expiryEpochMillis]}; {@code bad} and JWTs are
 * refused. The credentials of an expiring token expose {@code getExpiresAt()}, as OAuth2's {@code Jwt} does.
 */
final class TestTokens implements AuthenticationProvider {

	static String token(String name, String... roles) {
		return (roles.length > 0) ? name + ":" + String.join(",", roles) : name;
	}

	static String expiring(String name, Instant expiresAt) {
		return name + "@" + expiresAt.toEpochMilli();
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = ((HandshakeBearerToken) authentication).getToken();
		// a JWT the resource server refused is no test token either
		if (token.equals("bad") || token.split("\\.").length == 3) {
			throw new BadCredentialsException("Unknown token " + token);
		}
		String[] expiry = token.split("@", 2);
		String[] nameAndRoles = expiry[0].split(":", 2);
		List<String> roles = (nameAndRoles.length > 1)
				? Arrays.stream(nameAndRoles[1].split(",")).map((role) -> "ROLE_" + role).toList() : List.of("ROLE_USER");
		Object credentials = (expiry.length > 1) ? new Credentials(Instant.ofEpochMilli(Long.parseLong(expiry[1])))
				: token;
		return new TokenAuthentication(nameAndRoles[0], credentials, AuthorityUtils.createAuthorityList(roles));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return HandshakeBearerToken.class.isAssignableFrom(authentication);
	}

	/** An authenticated token that keeps its credentials, as OAuth2's {@code JwtAuthenticationToken} does. */
	static final class TokenAuthentication extends AbstractAuthenticationToken {

		private final String name;

		private final Object credentials;

		TokenAuthentication(String name, Object credentials, List<GrantedAuthority> authorities) {
			super(authorities);
			this.name = name;
			this.credentials = credentials;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return this.credentials;
		}

		@Override
		public Object getPrincipal() {
			return this.name;
		}

	}

	/** Token credentials with an expiry. */
	public static final class Credentials {

		private final Instant expiresAt;

		Credentials(Instant expiresAt) {
			this.expiresAt = expiresAt;
		}

		public Instant getExpiresAt() {
			return this.expiresAt;
		}

	}

}
