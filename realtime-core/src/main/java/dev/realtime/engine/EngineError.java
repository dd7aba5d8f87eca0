package dev.realtime.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The errors with which Engine.IO refuses an HTTP request, with the reference server's codes and messages. The
 * limits on a client address are refused as the reference server refuses a handshake its {@code allowRequest}
 * denies: code 4 with a message of their own, with 403 for too many connections and 429 (and {@code Retry-After})
 * for too many handshakes.
 */
public enum EngineError {

	UNKNOWN_TRANSPORT(0, "Transport unknown"),

	UNKNOWN_SID(1, "Session ID unknown"),

	BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),

	BAD_REQUEST(3, "Bad request"),

	FORBIDDEN(4, "Forbidden"),

	UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version"),

	TOO_MANY_CONNECTIONS(4, "Too many connections", HttpServletResponse.SC_FORBIDDEN),

	TOO_MANY_HANDSHAKES(4, "Too many handshakes", 429);

	private final int code;

	private final String message;

	private final int status;

	private final byte[] body;

	EngineError(int code, String message) {
		this(code, message, (code == 4) ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST);
	}

	EngineError(int code, String message, int status) {
		this.code = code;
		this.message = message;
		this.status = status;
		this.body = ("{\"code\":" + code + ",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	public int code() {
		return this.code;
	}

	public String message() {
		return this.message;
	}

	public int status() {
		return this.status;
	}

	/** Writes the error as the response: its status and a JSON body {@code {"code":..,"message":..}}. */
	public void write(HttpServletResponse response) throws IOException {
		response.setStatus(this.status);
		if (this == TOO_MANY_HANDSHAKES) {
			// the allowance comes back within a second
			response.setHeader("Retry-After", "1");
		}
		response.setContentType("application/json");
		response.setContentLength(this.body.length);
		response.getOutputStream().write(this.body);
	}

}
