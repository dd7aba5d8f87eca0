package dev.realtime.redis;

import org.jspecify.annotations.Nullable;

/** The kinds of request between nodes, by the number the Node adapter gives them on the wire. */
enum RequestType {

	SOCKETS, ALL_ROOMS, REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT, REMOTE_FETCH, SERVER_SIDE_EMIT, BROADCAST,
	BROADCAST_CLIENT_COUNT, BROADCAST_ACK;

	private static final RequestType[] VALUES = values();

	int code() {
		return ordinal();
	}

	static @Nullable RequestType fromCode(@Nullable Object code) {
		if (code instanceof Number number && number.intValue() >= 0 && number.intValue() < VALUES.length) {
			return VALUES[number.intValue()];
		}
		return null;
	}

}
