package dev.realtime.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.function.Function;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;

/**
 * The server's side of the WebSocket opening handshake (RFC 6455, section 4.2): checks the client's request and
 * upgrades the connection. No subprotocol is negotiated, and no extension but {@link PerMessageDeflate} where it is
 * allowed.
 */
public final class WebSocketHandshake {

	private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

	private WebSocketHandshake() {
	}

	/** Whether the request asks for a WebSocket at all (its {@code Upgrade} header), valid or not. */
	public static boolean isUpgrade(HttpServletRequest request) {
		return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
	}

	/**
	 * The {@code Sec-WebSocket-Accept} answer to a valid opening handshake, or null when the request is not one:
	 * a GET with {@code Upgrade: websocket}, {@code Connection: Upgrade}, version 13 and a key of 16 bytes.
	 */
	public static @Nullable String accept(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || !isUpgrade(request) || !connectionUpgrade(request)
				|| !"13".equals(request.getHeader("Sec-WebSocket-Version"))) {
			return null;
		}
		String key = request.getHeader("Sec-WebSocket-Key");
		if (key == null || !isKey(key.trim())) {
			return null;
		}
		return Base64.getEncoder().encodeToString(sha1(key.trim() + ACCEPT_GUID));
	}

	/**
	 * Upgrades the connection; the container switches protocols once the request's handling returns.
	 * @param accept what {@link #accept} answered
	 * @param deflate whether {@link PerMessageDeflate} may be negotiated
	 * @param listener makes the listener of the new connection
	 * @return the listener
	 */
	public static <L extends WebSocketListener> L upgrade(HttpServletRequest request, HttpServletResponse response,
			String accept, long maxPayload, long maxBufferedBytes, TaskScheduler scheduler, boolean deflate,
			Function<WebSocketConnection, L> listener) throws IOException, ServletException {
		boolean compressed = deflate && PerMessageDeflate.isOffered(request);
		response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
		response.setHeader("Upgrade", "websocket");
		response.setHeader("Connection", "Upgrade");
		response.setHeader("Sec-WebSocket-Accept", accept);
		if (compressed) {
			response.setHeader("Sec-WebSocket-Extensions", PerMessageDeflate.RESPONSE);
		}
		WebSocketConnection connection = request.upgrade(WebSocketConnection.class);
		L created = listener.apply(connection);
		connection.configure(created, maxPayload, maxBufferedBytes, scheduler, compressed);
		return created;
	}

	private static boolean connectionUpgrade(HttpServletRequest request) {
		for (String value : Collections.list(request.getHeaders("Connection"))) {
			for (String token : value.split(",")) {
				if ("upgrade".equalsIgnoreCase(token.trim())) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isKey(String key) {
		try {
			return Base64.getDecoder().decode(key).length == 16;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static byte[] sha1(String value) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(value.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is required of every Java platform", ex);
		}
	}

}
