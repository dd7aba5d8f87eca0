package dev.realtime.websocket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.Function;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.scheduling.TaskScheduler;

/**
 * The server's side of the WebSocket opening handshake (RFC 6455, section 4.2): upgrades the connection. No
 * subprotocol is negotiated, and no extension but {@link PerMessageDeflate} where it is allowed.
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
	 * Upgrades the connection of a valid opening handshake (a GET with {@code Upgrade: websocket},
	 * {@code Connection: Upgrade}, version 13 and a key of 16 bytes); the container switches protocols once the
	 * request's handling returns.
	 * @param deflate whether {@link PerMessageDeflate} may be negotiated
	 * @param listener makes the listener of the new connection
	 * @return the listener
	 */
	public static <L extends WebSocketListener> L upgrade(HttpServletRequest request, HttpServletResponse response,
			long maxPayload, long maxBufferedBytes, TaskScheduler scheduler, boolean deflate,
			Function<WebSocketConnection, L> listener) throws IOException, ServletException {
		boolean compressed = deflate && PerMessageDeflate.isOffered(request);
		response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
		response.setHeader("Upgrade", "websocket");
		response.setHeader("Connection", "Upgrade");
		response.setHeader("Sec-WebSocket-Accept", accept(request.getHeader("Sec-WebSocket-Key")));
		if (compressed) {
			response.setHeader("Sec-WebSocket-Extensions", PerMessageDeflate.RESPONSE);
		}
		WebSocketConnection connection = request.upgrade(WebSocketConnection.class);
		L created = listener.apply(connection);
		connection.configure(created, maxPayload, maxBufferedBytes, scheduler, compressed);
		return created;
	}

	/** The {@code Sec-WebSocket-Accept} answer to a key (RFC 6455, section 4.2.2). */
	static String accept(String key) {
		return Base64.getEncoder().encodeToString(sha1(key.trim() + ACCEPT_GUID));
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
