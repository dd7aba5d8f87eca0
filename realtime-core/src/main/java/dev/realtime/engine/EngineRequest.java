package dev.realtime.engine;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/**
 * What the handshake request of a session carried (the first HTTP request, or the WebSocket upgrade when the client
 * starts on WebSocket).
 *
 * @param headers request headers
 * @param query query parameters
 * @param remoteAddress the peer's address
 * @param url the request URL with its query string
 * @param secure whether the request came over TLS
 * @param principal the user the application's HTTP security established for the request, if any
 * @param time when the handshake happened
 * @param attributes values that HTTP-level code put on the request for the layers above (e.g. the HTTP session)
 */
public record EngineRequest(HttpHeaders headers, MultiValueMap<String, String> query,
		@Nullable InetSocketAddress remoteAddress, String url, boolean secure, @Nullable Principal principal,
		Instant time, Map<String, Object> attributes) {

	/** A query parameter's first value. */
	public @Nullable String queryParam(String name) {
		return this.query.getFirst(name);
	}

	/**
	 * Captures a servlet request. Container-internal attributes ({@code jakarta.*}, {@code org.apache.*}) are left
	 * out; the rest is what filters and interceptors put there for the layers above.
	 */
	public static EngineRequest from(HttpServletRequest request, MultiValueMap<String, String> query) {
		HttpHeaders headers = new HttpHeaders();
		for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements();) {
			String name = names.nextElement();
			headers.addAll(name, Collections.list(request.getHeaders(name)));
		}
		Map<String, Object> attributes = new HashMap<>();
		for (Enumeration<String> names = request.getAttributeNames(); names.hasMoreElements();) {
			String name = names.nextElement();
			if (!name.startsWith("jakarta.") && !name.startsWith("org.apache.")) {
				attributes.put(name, request.getAttribute(name));
			}
		}
		String queryString = request.getQueryString();
		String url = request.getRequestURL() + ((queryString != null) ? "?" + queryString : "");
		InetSocketAddress remoteAddress = (request.getRemoteAddr() != null)
				? new InetSocketAddress(request.getRemoteAddr(), request.getRemotePort()) : null;
		return new EngineRequest(headers, query, remoteAddress, url, request.isSecure(), request.getUserPrincipal(),
				Instant.now(), attributes);
	}

}
