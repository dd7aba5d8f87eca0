package dev.realtime.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes Socket.IO v5 packets: {@code <type>[<attachments>-][<namespace>,][<id>][<json>]}. Binary data anywhere in
 * the payload ({@code byte[]}, {@code ByteBuffer}, also inside beans) becomes a placeholder plus an attachment, and
 * turns an EVENT or ACK into a BINARY_EVENT or BINARY_ACK. Thread-safe.
 */
public class PacketEncoder {

	private static final String[] TYPE_CODES = typeCodes();

	private final ObjectWriter writer;

	/**
	 * Create an encoder that writes payloads with the given mapper's configuration.
	 * @param mapper the application's mapper; it is not modified
	 */
	public PacketEncoder(JsonMapper mapper) {
		this.writer = mapper.rebuild().addModule(AttachmentSerializer.module()).build().writer();
	}

	/**
	 * Encode a packet.
	 * @param packet the packet; BINARY_EVENT and BINARY_ACK are treated as EVENT and ACK
	 * @return the text message and the attachments that follow it
	 * @throws IllegalArgumentException if a packet other than EVENT or ACK holds binary data
	 */
	public EncodedPacket encode(Packet packet) {
		Object data = packet.data();
		if (data == null) {
			return encoded(packet, "", List.of());
		}
		if (!mayHoldBinary(data)) {
			return encoded(packet, this.writer.writeValueAsString(data), List.of());
		}
		List<byte[]> attachments = new ArrayList<>(2);
		String json = this.writer.withAttribute(AttachmentSerializer.ATTACHMENTS, attachments).writeValueAsString(data);
		return encoded(packet, json, attachments);
	}

	private static EncodedPacket encoded(Packet packet, String json, List<byte[]> attachments) {
		PacketType type = wireType(packet.type(), attachments.size());
		String namespace = packet.namespace();
		boolean mainNamespace = namespace.isEmpty() || "/".equals(namespace);
		Long id = packet.id();
		if (attachments.isEmpty() && mainNamespace && id == null) {
			return new EncodedPacket(TYPE_CODES[type.ordinal()].concat(json), attachments);
		}
		StringBuilder text = new StringBuilder(24 + namespace.length() + json.length());
		text.append(type.code());
		if (!attachments.isEmpty()) {
			text.append(attachments.size()).append('-');
		}
		if (!mainNamespace) {
			text.append(namespace).append(',');
		}
		if (id != null) {
			text.append(id.longValue());
		}
		return new EncodedPacket(text.append(json).toString(), attachments);
	}

	private static PacketType wireType(PacketType type, int attachments) {
		return switch (type) {
			case EVENT, BINARY_EVENT -> (attachments > 0) ? PacketType.BINARY_EVENT : PacketType.EVENT;
			case ACK, BINARY_ACK -> (attachments > 0) ? PacketType.BINARY_ACK : PacketType.ACK;
			default -> {
				if (attachments > 0) {
					throw new IllegalArgumentException(type + " packets cannot carry binary data");
				}
				yield type;
			}
		};
	}

	/**
	 * Whether the data may hold binary. Plain JSON-like values are walked, which is cheaper than handing the
	 * serializer a per-packet attachment list; anything else (beans, arrays, nodes, binary) may hold binary.
	 */
	private static boolean mayHoldBinary(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return false;
		}
		if (value instanceof List<?> list) {
			for (Object element : list) {
				if (mayHoldBinary(element)) {
					return true;
				}
			}
			return false;
		}
		if (value instanceof Map<?, ?> map) {
			for (Object element : map.values()) {
				if (mayHoldBinary(element)) {
					return true;
				}
			}
			return false;
		}
		return true;
	}

	private static String[] typeCodes() {
		PacketType[] types = PacketType.values();
		String[] codes = new String[types.length];
		for (PacketType type : types) {
			codes[type.ordinal()] = String.valueOf(type.code());
		}
		return codes;
	}

}
