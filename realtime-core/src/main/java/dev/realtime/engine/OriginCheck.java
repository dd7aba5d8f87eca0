package dev.realtime.engine;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Decides whether a request's {@code Origin} may use the endpoint. The same origin is always allowed, and so is a
 * request without an {@code Origin} header, which does not come from a browser page; other origins must match one
 * of the patterns (Spring's origin patterns, {@code *} for any).
 */
public final class OriginCheck {

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
		return isSameOrigin(origin, request) || (this.patterns != null && this.patterns.checkOrigin(origin) != null);
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
