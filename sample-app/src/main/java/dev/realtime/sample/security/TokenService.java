package dev.realtime.sample.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Issues opaque chat tokens to users who logged in and remembers them until they expire. A real application would
 * rather issue JWTs from its identity provider; the realtime side stays the same.
 */
@Service
public class TokenService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

	private final Duration lifetime;

	private final Clock clock;

	public TokenService(LoginProperties login) {
		this.lifetime = login.getTokenLifetime();
		this.clock = Clock.systemUTC();
	}

	public IssuedToken issue(String username) {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		IssuedToken token = new IssuedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), username,
				this.clock.instant().plus(this.lifetime));
		this.tokens.put(token.value(), token);
		this.tokens.values().removeIf((issued) -> issued.expiresAt().isBefore(this.clock.instant()));
		return token;
	}

	/** The token with this value, if it was issued here; an expired one is returned too, for a clear refusal. */
	public @Nullable IssuedToken find(String value) {
		return this.tokens.get(value);
	}

}
