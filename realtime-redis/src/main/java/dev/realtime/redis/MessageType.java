package dev.realtime.redis;

import org.jspecify.annotations.Nullable;

/**
 * The kinds of message between the nodes of a {@code socket.io-adapter} cluster adapter (the Redis Streams one), by
 * the number they have on the wire.
 */
enum MessageType {

	INITIAL_HEARTBEAT, HEARTBEAT, BROADCAST, SOCKETS_JOIN, SOCKETS_LEAVE, DISCONNECT_SOCKETS, FETCH_SOCKETS,
	FETCH_SOCKETS_RESPONSE, SERVER_SIDE_EMIT, SERVER_SIDE_EMIT_RESPONSE, BROADCAST_CLIENT_COUNT, BROADCAST_ACK,
	ADAPTER_CLOSE;

	private static final MessageType[] VALUES = values();

	int code() {
		return ordinal() + 1;
	}

	/** The type of this number, or of this number as a string (stream entries carry it so); null when unknown. */
	static @Nullable MessageType fromCode(@Nullable Object code) {
		int number;
		if (code instanceof Number value) {
			number = value.intValue();
		}
		else if (code instanceof String text && text.matches("[0-9]{1,2}")) {
			number = Integer.parseInt(text);
		}
		else {
			return null;
		}
		return (number >= 1 && number <= VALUES.length) ? VALUES[number - 1] : null;
	}

}
