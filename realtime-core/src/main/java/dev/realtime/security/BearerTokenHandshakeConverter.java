package dev.realtime.security;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.util.StringUtils;

import dev.realtime.server.Handshake;

/**
 * Reads a bearer token from where clients put it: the {@code token} of the CONNECT {@code auth} payload
 * ({@code io({auth: {token}})}, the only place a browser WebSocket can carry one), then the
 * {@code Authorization: Bearer} header of the handshake request, then, when allowed, its {@code access_token}
 * query parameter.
 */
public class BearerTokenHandshakeConverter implements HandshakeAuthenticationConverter {

	private static final String BEARER_PREFIX = "Bearer ";

	private final Function<String, Authentication> requestFactory;

	private String authField = "token";

	private boolean allowQueryParameter;

	/** A converter producing {@link HandshakeBearerToken}s. */
	public BearerTokenHandshakeConverter() {
		this(HandshakeBearerToken::new);
	}

	/**
	 * A converter producing the authentication request of the provider that validates tokens, e.g. OAuth2's
	 * {@code BearerTokenAuthenticationToken::new} for a resource server's {@code JwtAuthenticationProvider}.
	 */
	public BearerTokenHandshakeConverter(Function<String, Authentication> requestFactory) {
		this.requestFactory = requestFactory;
	}

	/** The field of the {@code auth} payload that holds the token ({@code token} by default). */
	public void setAuthField(String authField) {
		this.authField = authField;
	}

	/**
	 * Whether to accept the {@code access_token} query parameter (off by default: URLs end up in logs and browser
	 * history).
	 */
	public void setAllowQueryParameter(boolean allowQueryParameter) {
		this.allowQueryParameter = allowQueryParameter;
	}

	@Override
	public @Nullable Authentication convert(Handshake handshake) {
		String token = token(handshake);
		return StringUtils.hasText(token) ? this.requestFactory.apply(token) : null;
	}

	private @Nullable String token(Handshake handshake) {
		if (handshake.auth().get(this.authField) instanceof String token) {
			return token;
		}
		String authorization = handshake.headers().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
			return authorization.substring(BEARER_PREFIX.length()).trim();
		}
		return this.allowQueryParameter ? handshake.query().getFirst("access_token") : null;
	}

}
