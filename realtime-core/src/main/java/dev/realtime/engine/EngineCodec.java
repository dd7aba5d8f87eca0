package dev.realtime.engine;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO v4 packet and payload encoding. A packet is its type digit followed by its data; a binary message in a
 * text context is {@code b} followed by base64; a polling payload joins packets with the record separator.
 */
public final class EngineCodec {

	public static final int OPEN = 0;

	public static final int CLOSE = 1;

	public static final int PING = 2;

	public static final int PONG = 3;

	public static final int MESSAGE = 4;

	public static final int UPGRADE = 5;

	public static final int NOOP = 6;

	public static final char SEPARATOR = '\u001e';

	private EngineCodec() {
	}

	/**
	 * Decodes one text packet: a WebSocket text frame or one item of a polling payload.
	 * @throws IllegalArgumentException if the packet is malformed
	 */
	public static EnginePacket decodePacket(String frame) {
		if (frame.isEmpty()) {
			throw new IllegalArgumentException("Empty packet");
		}
		char first = frame.charAt(0);
		if (first == 'b') {
			// lenient like the reference server: the Java client ends its base64 with a line break
			return EnginePacket.binary(Base64.getMimeDecoder().decode(frame.substring(1)));
		}
		int type = first - '0';
		if (type < OPEN || type > NOOP) {
			throw new IllegalArgumentException("Unknown packet type '" + first + "'");
		}
		return new EnginePacket(type, frame.substring(1), null);
	}

	/**
	 * Decodes a polling payload into its packets.
	 * @throws IllegalArgumentException if any packet is malformed
	 */
	public static List<EnginePacket> decodePayload(String payload) {
		List<EnginePacket> packets = new ArrayList<>();
		int start = 0;
		int end;
		while ((end = payload.indexOf(SEPARATOR, start)) != -1) {
			packets.add(decodePacket(payload.substring(start, end)));
			start = end + 1;
		}
		packets.add(decodePacket(payload.substring(start)));
		return packets;
	}

	/** Encodes packets as a polling payload. */
	public static String encodePayload(List<? extends EngineFrame> frames) {
		if (frames.size() == 1) {
			return frames.get(0).pollingFrame();
		}
		StringBuilder payload = new StringBuilder();
		for (EngineFrame frame : frames) {
			if (!payload.isEmpty()) {
				payload.append(SEPARATOR);
			}
			payload.append(frame.pollingFrame());
		}
		return payload.toString();
	}

}
