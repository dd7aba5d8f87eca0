package dev.realtime.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePacker;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.value.ValueType;
import tools.jackson.databind.json.JsonMapper;

/**
 * MessagePack for plain values, as {@code notepack.io} (the Node adapter's parser) writes and reads them: maps with
 * string keys, arrays, strings, numbers, booleans, nil and bin for {@code byte[]}. Other objects are first turned into
 * plain values with Jackson, as they would be for JSON.
 */
final class MessagePackValues {

	private final JsonMapper mapper;

	MessagePackValues(JsonMapper mapper) {
		this.mapper = mapper;
	}

	byte[] write(@Nullable Object value) {
		try (MessageBufferPacker packer = MessagePack.newDefaultBufferPacker()) {
			pack(packer, value);
			return packer.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void pack(MessagePacker packer, @Nullable Object value) throws IOException {
		if (value == null) {
			packer.packNil();
		}
		else if (value instanceof String text) {
			packer.packString(text);
		}
		else if (value instanceof Boolean bool) {
			packer.packBoolean(bool);
		}
		else if (value instanceof Double || value instanceof Float) {
			packer.packDouble(((Number) value).doubleValue());
		}
		else if (value instanceof BigInteger big) {
			packer.packBigInteger(big);
		}
		else if (value instanceof Number number) {
			packer.packLong(number.longValue());
		}
		else if (value instanceof byte[] bytes) {
			packer.packBinaryHeader(bytes.length);
			packer.writePayload(bytes);
		}
		else if (value instanceof Map<?, ?> map) {
			packer.packMapHeader(map.size());
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				packer.packString(String.valueOf(entry.getKey()));
				pack(packer, entry.getValue());
			}
		}
		else if (value instanceof Collection<?> items) {
			packer.packArrayHeader(items.size());
			for (Object item : items) {
				pack(packer, item);
			}
		}
		else if (value instanceof Object[] items) {
			pack(packer, List.of(items));
		}
		else {
			pack(packer, this.mapper.convertValue(value, Object.class));
		}
	}

	@Nullable Object read(byte[] message) {
		try (MessageUnpacker unpacker = MessagePack.newDefaultUnpacker(message)) {
			return unpack(unpacker);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private @Nullable Object unpack(MessageUnpacker unpacker) throws IOException {
		ValueType type = unpacker.getNextFormat().getValueType();
		switch (type) {
			case NIL -> {
				unpacker.unpackNil();
				return null;
			}
			case BOOLEAN -> {
				return unpacker.unpackBoolean();
			}
			case INTEGER -> {
				long number = unpacker.unpackLong();
				return (number == (int) number) ? (Object) (int) number : (Object) number;
			}
			case FLOAT -> {
				return unpacker.unpackDouble();
			}
			case STRING -> {
				return unpacker.unpackString();
			}
			case BINARY -> {
				return unpacker.readPayload(unpacker.unpackBinaryHeader());
			}
			case ARRAY -> {
				int size = unpacker.unpackArrayHeader();
				List<Object> items = new ArrayList<>(size);
				for (int i = 0; i < size; i++) {
					items.add(unpack(unpacker));
				}
				return items;
			}
			case MAP -> {
				int size = unpacker.unpackMapHeader();
				Map<String, Object> map = new LinkedHashMap<>();
				for (int i = 0; i < size; i++) {
					map.put(String.valueOf(unpack(unpacker)), unpack(unpacker));
				}
				return map;
			}
			default -> {
				// extension types: notepack writes JavaScript's undefined as one, which is null here
				unpacker.skipValue();
				return null;
			}
		}
	}

}
