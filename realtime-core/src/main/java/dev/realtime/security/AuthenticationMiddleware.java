package dev.realtime.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;

import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.server.RealtimeException;

/**
 * Authenticates each socket when it connects to a namespace. Credentials the client presented (read by the
 * {@link HandshakeAuthenticationConverter}) are authenticated by a {@link SocketAuthenticator}; without them, the
 * user the application's HTTP security established for the handshake request (session cookie, HTTP Basic) is kept.
 * The result becomes the socket's {@link dev.realtime.middleware.SocketContext#principal() principal}, and the
 * expiry of its credentials the socket attribute {@link ExpiryMiddleware#EXPIRES_AT_ATTRIBUTE}.
 * <p>
 * Runs at {@link #ORDER} on the CONNECT line: middleware ordered before it sees no authenticated user yet. A
 * failure is a CONNECT_ERROR saying what failed ("Missing credentials", "Bad credentials", "Auth token expired",
 * "Account unavailable") and nothing more.
 */
public class AuthenticationMiddleware extends OrderedMiddleware implements ConnectMiddleware {

	/** Where this middleware runs; user middleware before it sees no authenticated user. */
	public static final int ORDER = -100;

	private final HandshakeAuthenticationConverter converter;

	private final @Nullable SocketAuthenticator authenticator;

	private boolean requireAuthentication;

	/** Keeps only the user the application's HTTP security established: presented credentials are not read. */
	public AuthenticationMiddleware(HandshakeAuthenticationConverter converter) {
		this(converter, (SocketAuthenticator) null);
	}

	/** Authenticates presented credentials with this manager, their expiry read by the standard strategy. */
	public AuthenticationMiddleware(HandshakeAuthenticationConverter converter,
			AuthenticationManager authenticationManager) {
		this(converter, new SocketAuthenticator(authenticationManager, AuthenticationExpiry.standard()));
	}

	/**
	 * @param authenticator authenticates presented credentials; null to keep only the HTTP user
	 */
	public AuthenticationMiddleware(HandshakeAuthenticationConverter converter,
			@Nullable SocketAuthenticator authenticator) {
		super(ORDER);
		this.converter = converter;
		this.authenticator = authenticator;
	}

	/** Whether a socket with neither credentials nor an HTTP user is refused (off by default). */
	public void setRequireAuthentication(boolean requireAuthentication) {
		this.requireAuthentication = requireAuthentication;
	}

	/** A recovered socket is authenticated again: an expired token fails as at its first connection. */
	@Override
	public boolean runsOnRecovery() {
		return true;
	}

	@Override
	public void onConnect(ConnectContext context, Next next) {
		Authentication request = (this.authenticator != null) ? this.converter.convert(context.handshake()) : null;
		// what a recovered socket kept of its earlier credentials is replaced
		context.attributes().remove(ExpiryMiddleware.EXPIRES_AT_ATTRIBUTE);
		if (request != null) {
			SocketAuthenticator.Authenticated result = this.authenticator.authenticate(request);
			context.setPrincipal(result.authentication());
			if (result.expiresAt() != null) {
				context.attributes().put(ExpiryMiddleware.EXPIRES_AT_ATTRIBUTE, result.expiresAt());
			}
		}
		else if (this.requireAuthentication && context.principal() == null) {
			throw new RealtimeException("Missing credentials");
		}
		next.proceed();
	}

}
