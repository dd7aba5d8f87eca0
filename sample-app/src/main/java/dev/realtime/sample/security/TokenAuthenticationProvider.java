package dev.realtime.sample.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.realtime.security.HandshakeBearerToken;

/**
 * Authenticates the token a socket presents in its CONNECT {@code auth} payload. The token becomes the
 * authentication's credentials, so its expiry is seen by the realtime security.
 */
class TokenAuthenticationProvider implements AuthenticationProvider {

	private final TokenService tokens;

	private final UserDetailsService users;

	TokenAuthenticationProvider(TokenService tokens, UserDetailsService users) {
		this.tokens = tokens;
		this.users = users;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		IssuedToken token = this.tokens.find(((HandshakeBearerToken) authentication).getToken());
		if (token == null) {
			throw new BadCredentialsException("Unknown token");
		}
		UserDetails user = this.users.loadUserByUsername(token.username());
		return UsernamePasswordAuthenticationToken.authenticated(user, token, user.getAuthorities());
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return HandshakeBearerToken.class.isAssignableFrom(authentication);
	}

}
