package dev.realtime.sample.security;

import java.time.Instant;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Logs a user in with HTTP Basic and answers with a chat token. */
@RestController
class TokenController {

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/token")
	TokenResponse token(Authentication user) {
		IssuedToken token = this.tokens.issue(user.getName());
		boolean admin = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch("ROLE_ADMIN"::equals);
		return new TokenResponse(token.value(), user.getName(), admin, token.expiresAt());
	}

	record TokenResponse(String token, String username, boolean admin, Instant expiresAt) {
	}

}
