package dev.realtime.protocol;

import org.jspecify.annotations.Nullable;

/** Socket.IO v5 packet types, by their number on the wire. */
public enum PacketType {

	CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

	private static final PacketType[] VALUES = values();

	public char code() {
		return (char) ('0' + ordinal());
	}

	/** Whether packets of this type announce binary attachments. */
	public boolean isBinary() {
		return this == BINARY_EVENT || this == BINARY_ACK;
	}

	/**
	 * The type a wire character stands for.
	 * @param code the first character of a packet
	 * @return the type, or null when the character is no packet type
	 */
	public static @Nullable PacketType fromCode(char code) {
		int ordinal = code - '0';
		return (ordinal >= 0 && ordinal < VALUES.length) ? VALUES[ordinal] : null;
	}

}
