package dev.realtime.security;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.security.core.Authentication;
import org.springframework.util.ReflectionUtils;

/**
 * When an authenticated user's credentials stop being valid.
 * <p>
 * The {@link #standard() standard} strategy reads, in order, an {@code Instant getExpiresAt()} of the
 * authentication itself, of its credentials (OAuth2's {@code Jwt} and {@code OAuth2AccessToken} have one), of its
 * principal, then of its details; then the {@code exp} claim (seconds since the epoch) of a principal or details that
 * is a {@code Map} of JWT claims. A {@link SocketAuthenticator} reads it before a {@code ProviderManager} erases the
 * credentials.
 */
@FunctionalInterface
public interface AuthenticationExpiry {

	/** When the credentials expire, or null when they do not. */
	@Nullable Instant expiresAt(Authentication authentication);

	static AuthenticationExpiry standard() {
		return (authentication) -> {
			for (Object source : new Object[] { authentication, authentication.getCredentials(),
					authentication.getPrincipal(), authentication.getDetails() }) {
				Instant expiresAt = expiresAtProperty(source);
				if (expiresAt != null) {
					return expiresAt;
				}
			}
			Instant exp = expClaim(authentication.getPrincipal());
			return (exp != null) ? exp : expClaim(authentication.getDetails());
		};
	}

	private static @Nullable Instant expiresAtProperty(@Nullable Object source) {
		if (source == null) {
			return null;
		}
		PropertyDescriptor property = BeanUtils.getPropertyDescriptor(source.getClass(), "expiresAt");
		Method getter = (property != null) ? property.getReadMethod() : null;
		if (getter == null || getter.getReturnType() != Instant.class) {
			return null;
		}
		ReflectionUtils.makeAccessible(getter);
		return (Instant) ReflectionUtils.invokeMethod(getter, source);
	}

	private static @Nullable Instant expClaim(@Nullable Object source) {
		if (source instanceof Map<?, ?> claims) {
			Object exp = claims.get("exp");
			if (exp instanceof Instant instant) {
				return instant;
			}
			if (exp instanceof Number seconds) {
				return Instant.ofEpochSecond(seconds.longValue());
			}
		}
		return null;
	}

}
