package dev.realtime.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * Checks that a WebSocket upgrade request is the opening handshake of RFC 6455 (section 4.2.1) before it is handed to
 * the WebSocket implementation, so that a malformed one gets Engine.IO's {@code 400} answer like any other bad
 * request, whatever that implementation would make of it. The request target must also be a URI whose query the
 * container can read as parameters: WebSocket sessions carry both, so a query string with a malformed escape, which
 * long-polling tolerates, cannot open one.
 */
final class UpgradeRequestCheck {

	private static final int KEY_BYTES = 16;

	private UpgradeRequestCheck() {
	}

	/** What is wrong with the upgrade request, or null if it is a valid opening handshake. */
	static @Nullable String problem(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return "method " + request.getMethod();
		}
		if (!"HTTP/1.1".equals(request.getProtocol())) {
			return "protocol " + request.getProtocol();
		}
		if (!hasToken(request, HttpHeaders.UPGRADE, "websocket")) {
			return "no \"Upgrade: websocket\"";
		}
		if (!hasToken(request, HttpHeaders.CONNECTION, "upgrade")) {
			return "no \"Connection: upgrade\"";
		}
		List<String> versions = Collections.list(request.getHeaders(WebSocketHttpHeaders.SEC_WEBSOCKET_VERSION));
		if (!versions.equals(List.of("13"))) {
			return "Sec-WebSocket-Version " + versions;
		}
		List<String> keys = Collections.list(request.getHeaders(WebSocketHttpHeaders.SEC_WEBSOCKET_KEY));
		if (keys.size() != 1 || !isKey(keys.get(0))) {
			return "Sec-WebSocket-Key " + keys;
		}
		if (!isUri(request)) {
			return "request target is not a URI";
		}
		return hasParameters(request) ? null : "query string is not made of parameters";
	}

	/** The container reads the query's parameters into the session it opens (no body: the request is a GET). */
	private static boolean hasParameters(HttpServletRequest request) {
		try {
			request.getParameterMap();
			return true;
		}
		catch (RuntimeException ex) {
			// each container has an exception of its own for this
			return false;
		}
	}

	private static boolean isUri(HttpServletRequest request) {
		StringBuffer target = request.getRequestURL();
		if (request.getQueryString() != null) {
			target.append('?').append(request.getQueryString());
		}
		try {
			new URI(target.toString());
			return true;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean hasToken(HttpServletRequest request, String header, String token) {
		for (String value : Collections.list(request.getHeaders(header))) {
			for (String element : value.split(",")) {
				if (element.strip().equalsIgnoreCase(token)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isKey(String key) {
		try {
			return Base64.getDecoder().decode(key.strip()).length == KEY_BYTES;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
