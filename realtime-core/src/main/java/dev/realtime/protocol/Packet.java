package dev.realtime.protocol;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A Socket.IO packet, decoded. Binary attachments are already in place: {@code data} holds {@code byte[]} where the
 * wire had placeholders, so only {@link PacketType#EVENT} and {@link PacketType#ACK} appear here; the encoder picks
 * BINARY_EVENT / BINARY_ACK by itself when the data holds binary.
 *
 * @param type the packet type
 * @param namespace the namespace, "/" for the main one
 * @param id the ack id, or null when none was asked for
 * @param data CONNECT: the auth object (a Map) or null; CONNECT_ERROR: a Map with "message" (and "data"); EVENT:
 * a List whose first element is the event name; ACK: a List of the ack arguments; DISCONNECT: null
 */
public record Packet(PacketType type, String namespace, @Nullable Long id, @Nullable Object data) {

	public static Packet event(String namespace, @Nullable Long id, List<?> nameAndArgs) {
		return new Packet(PacketType.EVENT, namespace, id, nameAndArgs);
	}

	public static Packet ack(String namespace, long id, List<?> args) {
		return new Packet(PacketType.ACK, namespace, id, args);
	}

}
