package dev.realtime.web;

import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * A WebSocket upgrade request with the client's extension offers hidden, so the container negotiates no
 * {@code permessage-deflate}. Hiding the offer is the one way that works on every container: Tomcat, for one,
 * reads the header itself and installs its own extensions whatever the handshake handler selected.
 */
final class UncompressedUpgradeRequest extends HttpServletRequestWrapper {

	UncompressedUpgradeRequest(HttpServletRequest request) {
		super(request);
	}

	@Override
	public @Nullable String getHeader(String name) {
		return isExtensionOffer(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return isExtensionOffer(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections.enumeration(Collections.list(super.getHeaderNames())
			.stream()
			.filter((name) -> !isExtensionOffer(name))
			.toList());
	}

	private static boolean isExtensionOffer(String header) {
		return WebSocketHttpHeaders.SEC_WEBSOCKET_EXTENSIONS.equalsIgnoreCase(header);
	}

}
