package dev.realtime.security;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Authenticates the bearer token a socket presents as Spring Security's OAuth2 resource server authenticates the
 * application's REST requests: a JWT with the application's {@link JwtDecoder} (signature, issuer, audience and
 * time checks) and {@code JwtAuthenticationConverter}, or an opaque token with its
 * {@link OpaqueTokenIntrospector}. The result keeps the token as its credentials, so its expiry ends the socket's
 * actions; a JWT refused only because it expired fails as expired credentials ("Auth token expired").
 */
public final class ResourceServerTokenProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private ResourceServerTokenProvider(AuthenticationProvider delegate) {
		this.delegate = delegate;
	}

	/**
	 * @param converter the application's {@code JwtAuthenticationConverter} (roles from claims); null for the
	 * default
	 */
	public static ResourceServerTokenProvider jwt(JwtDecoder decoder,
			@Nullable Converter<Jwt, ? extends AbstractAuthenticationToken> converter) {
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
		if (converter != null) {
			provider.setJwtAuthenticationConverter(converter);
		}
		return new ResourceServerTokenProvider(provider);
	}

	public static ResourceServerTokenProvider opaque(OpaqueTokenIntrospector introspector) {
		return new ResourceServerTokenProvider(new OpaqueTokenAuthenticationProvider(introspector));
	}

	@Override
	public @Nullable Authentication authenticate(Authentication authentication) {
		String token = (authentication instanceof HandshakeBearerToken handshake) ? handshake.getToken()
				: ((BearerTokenAuthenticationToken) authentication).getToken();
		try {
			return this.delegate.authenticate(new BearerTokenAuthenticationToken(token));
		}
		catch (OAuth2AuthenticationException ex) {
			if (expiredOnly(ex)) {
				throw new CredentialsExpiredException("Token expired", ex);
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return HandshakeBearerToken.class.isAssignableFrom(authentication)
				|| BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
	}

	// the decoder's JwtTimestampValidator reports an expired token as "Jwt expired at <time>"
	private static boolean expiredOnly(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JwtValidationException validation) {
				return !validation.getErrors().isEmpty() && validation.getErrors()
					.stream()
					.allMatch((error) -> error.getDescription() != null
							&& error.getDescription().startsWith("Jwt expired"));
			}
		}
		return false;
	}

}
