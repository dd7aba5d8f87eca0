package dev.realtime.protocol;

/** Socket.IO v5 packet types, by their number on the wire. */
public enum PacketType {

	CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

	public char code() {
		return (char) ('0' + ordinal());
	}

}
