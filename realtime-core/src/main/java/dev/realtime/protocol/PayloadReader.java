package dev.realtime.protocol;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON payload of a packet into plain Java values: {@link LinkedHashMap}, {@link ArrayList},
 * {@link String}, {@link Integer} / {@link Long} / {@link java.math.BigInteger}, {@link Double}, {@link Boolean}
 * and null. In binary packets, placeholders become {@link Placeholder} markers. Stateless and thread-safe.
 */
final class PayloadReader {

	/** Attachment count for packets that are not binary: their placeholders are ordinary objects. */
	static final int NOT_BINARY = -1;

	private final JsonMapper mapper;

	PayloadReader(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Read the payload that starts at {@code offset} and runs to the end of {@code text}.
	 * @param attachments the attachment count of a binary packet, or {@link #NOT_BINARY}
	 */
	@Nullable Object read(String text, int offset, int attachments) {
		try (JsonParser parser = this.mapper.createParser(new TailReader(text, offset))) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				throw new ProtocolException("Missing JSON payload after the packet header");
			}
			Object value = readValue(parser, token, attachments);
			if (parser.nextToken() != null) {
				throw new ProtocolException("Unexpected data after the JSON payload");
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new ProtocolException("Invalid JSON payload: " + ex.getOriginalMessage(), ex);
		}
	}

	private static @Nullable Object readValue(JsonParser parser, JsonToken token, int attachments) {
		return switch (token) {
			case START_OBJECT -> readObject(parser, attachments);
			case START_ARRAY -> readArray(parser, attachments);
			case VALUE_STRING -> parser.getString();
			case VALUE_NUMBER_INT -> readInteger(parser);
			case VALUE_NUMBER_FLOAT -> Double.valueOf(parser.getDoubleValue());
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> throw new ProtocolException("Unexpected JSON token " + token);
		};
	}

	private static Object readObject(JsonParser parser, int attachments) {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			object.put(name, readValue(parser, parser.nextToken(), attachments));
		}
		if (attachments != NOT_BINARY && Boolean.TRUE.equals(object.get("_placeholder"))) {
			return placeholder(object.get("num"), attachments);
		}
		return object;
	}

	private static List<@Nullable Object> readArray(JsonParser parser, int attachments) {
		List<@Nullable Object> array = new ArrayList<>();
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
			array.add(readValue(parser, token, attachments));
		}
		return array;
	}

	private static Number readInteger(JsonParser parser) {
		return switch (parser.getNumberType()) {
			case INT -> Integer.valueOf(parser.getIntValue());
			case LONG -> Long.valueOf(parser.getLongValue());
			default -> parser.getBigIntegerValue();
		};
	}

	private static Placeholder placeholder(@Nullable Object num, int attachments) {
		if (num instanceof Integer index && index >= 0 && index < attachments) {
			return new Placeholder(index);
		}
		throw new ProtocolException("Placeholder num " + num + " does not name one of the packet's " + attachments
				+ " attachments");
	}

	/** Reads a string from an offset on, so that the payload need not be copied out of the packet. */
	private static final class TailReader extends Reader {

		private final String text;

		private int position;

		TailReader(String text, int offset) {
			this.text = text;
			this.position = offset;
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			int count = Math.min(length, this.text.length() - this.position);
			if (count <= 0) {
				return (length == 0) ? 0 : -1;
			}
			this.text.getChars(this.position, this.position + count, buffer, offset);
			this.position += count;
			return count;
		}

		@Override
		public void close() {
		}

	}

}
