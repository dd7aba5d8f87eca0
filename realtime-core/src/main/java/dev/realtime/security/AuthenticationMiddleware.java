package dev.realtime.security;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.server.RealtimeException;

/**
 * Authenticates each socket when it connects to a namespace. Credentials the client presented (read by the
 * {@link HandshakeAuthenticationConverter}) are authenticated by the {@link AuthenticationManager}; without them,
 * the user the application's HTTP security established for the handshake request (session cookie, HTTP Basic) is
 * kept. The result becomes the socket's {@link dev.realtime.middleware.SocketContext#principal() principal}.
 * <p>
 * Runs at {@link #ORDER} on the CONNECT line: middleware ordered before it sees no authenticated user yet. A
 * failure is a CONNECT_ERROR saying what failed ("Missing credentials", "Bad credentials", "Auth token expired",
 * "Account unavailable") and nothing more.
 */
public class AuthenticationMiddleware extends OrderedMiddleware implements ConnectMiddleware {

	/** Where this middleware runs; user middleware before it sees no authenticated user. */
	public static final int ORDER = -100;

	private static final Logger logger = LoggerFactory.getLogger(AuthenticationMiddleware.class);

	private final HandshakeAuthenticationConverter converter;

	private final @Nullable AuthenticationManager authenticationManager;

	private boolean requireAuthentication;

	/**
	 * @param authenticationManager authenticates presented credentials; null to keep only the HTTP user
	 */
	public AuthenticationMiddleware(HandshakeAuthenticationConverter converter,
			@Nullable AuthenticationManager authenticationManager) {
		super(ORDER);
		this.converter = converter;
		this.authenticationManager = authenticationManager;
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
		Authentication request = (this.authenticationManager != null) ? this.converter.convert(context.handshake())
				: null;
		if (request != null) {
			context.setPrincipal(authenticate(this.authenticationManager, request));
		}
		else if (this.requireAuthentication && context.principal() == null) {
			throw new RealtimeException("Missing credentials");
		}
		next.proceed();
	}

	private static Authentication authenticate(AuthenticationManager manager, Authentication request) {
		try {
			Authentication result = manager.authenticate(request);
			if (result == null || !result.isAuthenticated()) {
				throw new RealtimeException("Bad credentials");
			}
			return result;
		}
		catch (CredentialsExpiredException ex) {
			throw new AuthTokenExpiredException(null);
		}
		catch (AccountStatusException ex) {
			throw new RealtimeException("Account unavailable");
		}
		catch (AuthenticationServiceException ex) {
			logger.error("Authentication of a handshake failed", ex);
			throw new RealtimeException("Authentication unavailable");
		}
		catch (AuthenticationException ex) {
			throw new RealtimeException("Bad credentials");
		}
	}

}
