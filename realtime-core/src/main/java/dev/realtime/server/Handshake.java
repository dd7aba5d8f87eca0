package dev.realtime.server;

import java.security.Principal;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

import dev.realtime.engine.EngineRequest;

/**
 * What a socket's client presented when it connected: the handshake request of its connection plus the
 * {@code auth} payload of its namespace CONNECT (Socket.IO's {@code socket.handshake}).
 *
 * @param headers headers of the handshake request
 * @param query query parameters of the handshake request
 * @param auth the CONNECT payload ({@code io({auth: {...}})}), empty when none was sent
 * @param address the client's IP address
 * @param time when the connection was established
 * @param url the request URL
 * @param secure whether the connection uses TLS
 * @param xdomain whether the request was cross-origin (it carried an Origin header)
 * @param principal the user the application's HTTP security established, or the one a middleware set
 * @param attributes what HTTP-level code (HANDSHAKE middleware, servlet filters) stored on the handshake request
 */
public record Handshake(HttpHeaders headers, MultiValueMap<String, String> query, Map<String, Object> auth,
		String address, Instant time, String url, boolean secure, boolean xdomain, @Nullable Principal principal,
		Map<String, Object> attributes) {

	static Handshake of(EngineRequest request, Map<String, Object> auth) {
		String address = (request.remoteAddress() != null) ? request.remoteAddress().getAddress().getHostAddress()
				: "";
		return new Handshake(request.headers(), request.query(), auth, address, request.time(), request.url(),
				request.secure(), request.headers().getOrigin() != null, request.principal(), request.attributes());
	}

	/** The handshake with another principal, as set by authentication middleware. */
	public Handshake withPrincipal(@Nullable Principal principal) {
		return new Handshake(this.headers, this.query, this.auth, this.address, this.time, this.url, this.secure,
				this.xdomain, principal, this.attributes);
	}

	/** Milliseconds since the epoch at which the connection was established (Socket.IO's {@code issued}). */
	public long issued() {
		return this.time.toEpochMilli();
	}

}
