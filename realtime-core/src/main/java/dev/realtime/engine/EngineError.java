package dev.realtime.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The errors with which Engine.IO refuses an HTTP request, with the reference server's codes and messages.
 */
public enum EngineError {

	UNKNOWN_TRANSPORT(0, "Transport unknown"),

	UNKNOWN_SID(1, "Session ID unknown"),

	BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),

	BAD_REQUEST(3, "Bad request"),

	FORBIDDEN(4, "Forbidden"),

	UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

	private final int code;

	private final String message;

	private final byte[] body;

	EngineError(int code, String message) {
		this.code = code;
		this.message = message;
		this.body = ("{\"code\":" + code + ",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
	}

	public int code() {
		return this.code;
	}

	public String message() {
		return this.message;
	}

	public int status() {
		return (this == FORBIDDEN) ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_BAD_REQUEST;
	}

	/** Writes the error as the response: its status and a JSON body {@code {"code":..,"message":..}}. */
	public void write(HttpServletResponse response) throws IOException {
		response.setStatus(status());
		response.setContentType("application/json");
		response.setContentLength(this.body.length);
		response.getOutputStream().write(this.body);
	}

}
