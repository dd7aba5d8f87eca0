package dev.realtime.test;

import java.util.Map;

import org.json.JSONObject;
import org.jspecify.annotations.Nullable;

/**
 * Why a socket could not connect, as its client's {@code connect_error} tells it: the error a CONNECT middleware
 * rejected it with ({@code message} and {@code data}), or what went wrong with the connection itself.
 * @param message the error's message
 * @param data what the error carried besides its message, as plain Java values (maps, lists, strings, numbers,
 * booleans); null when none
 */
public record ConnectError(String message, @Nullable Object data) {

	static ConnectError of(Object[] args) {
		Object error = (args.length > 0) ? args[0] : null;
		if (error instanceof JSONObject json && JsonValues.fromClient(json) instanceof Map<?, ?> fields) {
			return new ConnectError(String.valueOf(fields.get("message")), fields.get("data"));
		}
		if (error instanceof Throwable ex) {
			return new ConnectError(String.valueOf(ex.getMessage()), null);
		}
		return new ConnectError(String.valueOf(error), null);
	}

}
