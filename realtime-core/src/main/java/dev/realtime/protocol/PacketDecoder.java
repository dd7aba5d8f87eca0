package dev.realtime.protocol;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes Socket.IO v5 packets, reassembling binary packets from their text part and the binary messages that
 * follow it. Holds the state of one connection: use one instance per connection, from one thread at a time.
 * Anything malformed raises a {@link ProtocolException}, after which the connection should be closed.
 */
public class PacketDecoder {

	/** The default limit of attachments per binary packet. */
	public static final int DEFAULT_MAX_ATTACHMENTS = 10;

	private final PayloadReader payloadReader;

	private final int maxAttachments;

	private @Nullable BinaryReconstructor reconstructor;

	public PacketDecoder(JsonMapper mapper) {
		this(mapper, DEFAULT_MAX_ATTACHMENTS);
	}

	/**
	 * @param mapper the mapper whose parser settings (such as nesting and length limits) apply to payloads
	 * @param maxAttachments the most attachments a binary packet may announce
	 */
	public PacketDecoder(JsonMapper mapper, int maxAttachments) {
		if (maxAttachments < 0) {
			throw new IllegalArgumentException("maxAttachments must not be negative");
		}
		this.payloadReader = new PayloadReader(mapper);
		this.maxAttachments = maxAttachments;
	}

	/**
	 * Decode a text message.
	 * @param text the Engine.IO message
	 * @return the packet, or null when it is a binary packet whose attachments are still to come
	 * @throws ProtocolException if the message is not a valid packet, or attachments were expected
	 */
	public @Nullable Packet decodeText(String text) {
		if (this.reconstructor != null) {
			throw new ProtocolException("Received a text packet while " + this.reconstructor.pending()
					+ " binary attachment(s) are still expected");
		}
		if (text.isEmpty()) {
			throw new ProtocolException("Empty packet");
		}
		PacketType type = PacketType.fromCode(text.charAt(0));
		if (type == null) {
			throw new ProtocolException("Unknown packet type '" + text.charAt(0) + "'");
		}
		int length = text.length();
		int position = 1;
		int attachments = PayloadReader.NOT_BINARY;
		if (type.isBinary()) {
			int end = skipDigits(text, position);
			if (end == position || end == length || text.charAt(end) != '-') {
				throw new ProtocolException(type + " packet must start with its attachment count and '-'");
			}
			attachments = attachmentCount(text, position, end);
			position = end + 1;
		}
		String namespace = "/";
		if (position < length && text.charAt(position) == '/') {
			int comma = text.indexOf(',', position);
			int end = (comma != -1) ? comma : length;
			namespace = text.substring(position, end);
			position = (comma != -1) ? comma + 1 : length;
		}
		Long id = null;
		int idEnd = skipDigits(text, position);
		if (idEnd > position) {
			id = ackId(text, position, idEnd);
			position = idEnd;
		}
		if ((type == PacketType.ACK || type == PacketType.BINARY_ACK) && id == null) {
			throw new ProtocolException(type + " packet must carry an ack id");
		}
		boolean present = position < length;
		Object data = present ? this.payloadReader.read(text, position, attachments) : null;
		PayloadValidator.validate(type, present, data);
		if (!type.isBinary()) {
			return new Packet(type, namespace, id, data);
		}
		Packet packet = new Packet((type == PacketType.BINARY_EVENT) ? PacketType.EVENT : PacketType.ACK,
				namespace, id, data);
		if (attachments == 0) {
			return packet;
		}
		this.reconstructor = new BinaryReconstructor(packet, attachments);
		return null;
	}

	/**
	 * Decode a binary message: the next attachment of the pending binary packet. The array is taken over, not
	 * copied.
	 * @param data the Engine.IO message
	 * @return the completed packet when this was its last attachment, else null
	 * @throws ProtocolException if no binary packet awaits attachments
	 */
	public @Nullable Packet decodeBinary(byte[] data) {
		BinaryReconstructor reconstructor = this.reconstructor;
		if (reconstructor == null) {
			throw new ProtocolException("Received a binary message while no binary packet awaits attachments");
		}
		Packet packet = reconstructor.add(data);
		if (packet != null) {
			this.reconstructor = null;
		}
		return packet;
	}

	private int attachmentCount(String text, int start, int end) {
		// more digits than the limit has cannot be within it, and must not overflow the parse
		int maxDigits = String.valueOf(this.maxAttachments).length();
		int count = (end - start <= maxDigits) ? Integer.parseInt(text, start, end, 10) : Integer.MAX_VALUE;
		if (count > this.maxAttachments) {
			throw new ProtocolException("Binary packet announces " + text.substring(start, end)
					+ " attachments, more than the limit of " + this.maxAttachments);
		}
		return count;
	}

	private static Long ackId(String text, int start, int end) {
		try {
			return Long.parseLong(text, start, end, 10);
		}
		catch (NumberFormatException ex) {
			throw new ProtocolException("Ack id " + text.substring(start, end) + " does not fit a long");
		}
	}

	private static int skipDigits(String text, int position) {
		int length = text.length();
		while (position < length && isDigit(text.charAt(position))) {
			position++;
		}
		return position;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
