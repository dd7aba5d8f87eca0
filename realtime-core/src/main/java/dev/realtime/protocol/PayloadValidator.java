package dev.realtime.protocol;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** Checks that a packet's payload has the shape its type requires, as socket.io-parser does. */
final class PayloadValidator {

	/** Event names that have a meaning of their own on the client or the server. */
	private static final Set<String> RESERVED_EVENTS = Set.of("connect", "connect_error", "disconnect",
			"disconnecting", "newListener", "removeListener");

	private PayloadValidator() {
	}

	/**
	 * @param type the type as sent on the wire
	 * @param present whether the packet carried a payload at all
	 * @param data the payload; null when absent or JSON null
	 */
	static void validate(PacketType type, boolean present, @Nullable Object data) {
		switch (type) {
			case CONNECT -> {
				if (present && !(data instanceof Map)) {
					throw invalid(type, "an object, or absent");
				}
			}
			case DISCONNECT -> {
				if (present) {
					throw invalid(type, "absent");
				}
			}
			case CONNECT_ERROR -> {
				if (!(data instanceof String || data instanceof Map)) {
					throw invalid(type, "a string or an object");
				}
			}
			case EVENT, BINARY_EVENT -> validateEvent(type, data);
			case ACK, BINARY_ACK -> {
				if (!(data instanceof List)) {
					throw invalid(type, "an array");
				}
			}
		}
	}

	private static void validateEvent(PacketType type, @Nullable Object data) {
		if (!(data instanceof List<?> list) || list.isEmpty()) {
			throw invalid(type, "an array that starts with the event name");
		}
		Object name = list.get(0);
		if (name instanceof String event) {
			if (RESERVED_EVENTS.contains(event)) {
				throw new ProtocolException("Event name '" + event + "' is reserved");
			}
		}
		else if (!(name instanceof Number)) {
			throw new ProtocolException("Event name must be a string or a number");
		}
	}

	private static ProtocolException invalid(PacketType type, String expected) {
		return new ProtocolException(type + " payload must be " + expected);
	}

}
