package dev.realtime.security;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.util.LinkedMultiValueMap;

import dev.realtime.server.CredentialRenewal;
import dev.realtime.server.Handshake;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeSocket;

/**
 * Renews a socket's credentials in-band, as SocketCluster's {@code authenticate} does: the {@code #authenticate}
 * payload ({@code {token}}) is read by the {@link HandshakeAuthenticationConverter} as if it were the CONNECT
 * {@code auth} payload (the handshake's headers and query are not read again) and authenticated as at the
 * connection. On success the socket's principal is replaced, its expiry restarts and a
 * {@link CredentialsRenewedEvent} is published; on failure the socket keeps its user until its own expiry.
 * Credentials of another user than the socket's are refused: a socket changes its credentials, not its user.
 */
public class SocketCredentialRenewal implements CredentialRenewal {

	private final HandshakeAuthenticationConverter converter;

	private final SocketAuthenticator authenticator;

	private final @Nullable ExpiryMiddleware expiry;

	private final @Nullable ApplicationEventPublisher events;

	/**
	 * @param expiry restarts the socket's expiry; null when expiry is not enforced
	 * @param events where {@link CredentialsRenewedEvent}s are published; null for none
	 */
	public SocketCredentialRenewal(HandshakeAuthenticationConverter converter, SocketAuthenticator authenticator,
			@Nullable ExpiryMiddleware expiry, @Nullable ApplicationEventPublisher events) {
		this.converter = converter;
		this.authenticator = authenticator;
		this.expiry = expiry;
		this.events = events;
	}

	@Override
	public void renew(RealtimeSocket socket, Map<String, Object> credentials) {
		Authentication request = this.converter.convert(presenting(socket.handshake(), credentials));
		if (request == null) {
			throw new RealtimeException("Missing credentials");
		}
		SocketAuthenticator.Authenticated result = this.authenticator.authenticate(request);
		Principal current = socket.principal();
		if (current != null && !current.getName().equals(result.authentication().getName())) {
			throw new RealtimeException("Credentials of another user");
		}
		Instant expiresAt = result.expiresAt();
		if (expiresAt != null) {
			ExpiryMiddleware.rejectIfExpired(expiresAt);
		}
		socket.setPrincipal(result.authentication());
		if (this.expiry != null) {
			this.expiry.track(socket, expiresAt);
		}
		if (this.events != null) {
			this.events.publishEvent(new CredentialsRenewedEvent(socket, result.authentication()));
		}
	}

	/** The socket's handshake presenting only the renewal's payload, so an old header token is not read again. */
	private static Handshake presenting(Handshake handshake, Map<String, Object> credentials) {
		return new Handshake(HttpHeaders.EMPTY, new LinkedMultiValueMap<>(), credentials, handshake.address(),
				handshake.time(), handshake.url(), handshake.secure(), handshake.xdomain(), handshake.principal(),
				handshake.attributes());
	}

}
