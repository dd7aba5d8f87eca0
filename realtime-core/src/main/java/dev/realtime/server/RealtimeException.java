package dev.realtime.server;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The error whose message, {@code data} and extra properties reach the client. Any other exception reaches the
 * client only as a generic message; its details stay in the server log.
 */
public class RealtimeException extends RuntimeException {

	private final @Nullable Object data;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	public RealtimeException(String message) {
		this(message, null);
	}

	public RealtimeException(String message, @Nullable Object data) {
		super(message);
		this.data = data;
	}

	public RealtimeException(String message, @Nullable Object data, @Nullable Throwable cause) {
		super(message, cause);
		this.data = data;
	}

	public @Nullable Object getData() {
		return this.data;
	}

	/** Adds a property sent beside {@code message} and {@code data}, e.g. SocketCluster's {@code code}. */
	public RealtimeException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public Map<String, Object> getProperties() {
		return this.properties;
	}

	/** The object the client receives: {@code message}, {@code data} when given, then the extra properties. */
	public Map<String, Object> toClientError() {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", getMessage());
		if (this.data != null) {
			error.put("data", this.data);
		}
		this.properties.forEach(error::putIfAbsent);
		return error;
	}

	/** The object the client receives for any failure: only this type's details leave the server. */
	public static Map<String, Object> clientErrorOf(Throwable failure) {
		if (failure instanceof RealtimeException realtime) {
			return realtime.toClientError();
		}
		return new RealtimeException("Internal server error").toClientError();
	}

}
