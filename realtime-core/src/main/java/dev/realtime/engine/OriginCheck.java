package dev.realtime.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Decides whether a request's {@code Origin} may use the endpoint. The same origin is always allowed, and so is a
 * request without an {@code Origin} header, which does not come from a browser page; other origins must match one
 * of the patterns (Spring's origin patterns, {@code *} for any). A value that is not an origin (a path, a user, an
 * overlong name) is refused.
 */
public final class OriginCheck {

	private static final String NULL_ORIGIN = "null";

	// a scheme, a host name (at most 253 characters) and a port
	private static final int MAX_LENGTH = 300;

	private final @Nullable CorsConfiguration patterns;

	public OriginCheck(List<String> allowedOrigins) {
		if (allowedOrigins.isEmpty()) {
			this.patterns = null;
		}
		else {
			this.patterns = new CorsConfiguration();
			this.patterns.setAllowedOriginPatterns(allowedOrigins);
		}
	}

	public boolean isAllowed(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			return true;
		}
		if (!isOrigin(origin)) {
			return false;
		}
		return isSameOrigin(origin, request) || (this.patterns != null && this.patterns.checkOrigin(origin) != null);
	}

	/**
	 * Whether the value has the form of an origin, the opaque {@code null} or a scheme, a host and a port, and nothing
	 * else: an allowed origin is sent back in a response header, which must stay small.
	 */
	private static boolean isOrigin(String origin) {
		if (NULL_ORIGIN.equals(origin)) {
			return true;
		}
		if (origin.length() > MAX_LENGTH) {
			return false;
		}
		try {
			URI uri = new URI(origin);
			return uri.getScheme() != null && uri.getHost() != null && uri.getRawUserInfo() == null
					&& uri.getRawPath().isEmpty() && uri.getRawQuery() == null && uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean isSameOrigin(String origin, HttpServletRequest request) {
		try {
			URI uri = URI.create(origin);
			String scheme = request.getScheme();
			return scheme.equalsIgnoreCase(uri.getScheme()) && request.getServerName().equalsIgnoreCase(uri.getHost())
					&& port(scheme, request.getServerPort()) == port(uri.getScheme(), uri.getPort());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static int port(String scheme, int port) {
		if (port != -1) {
			return port;
		}
		return ("https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme)) ? 443 : 80;
	}

}
