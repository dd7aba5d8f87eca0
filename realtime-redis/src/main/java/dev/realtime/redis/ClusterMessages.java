package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes and decodes cluster messages as {@code @socket.io/redis-streams-adapter} 0.3 does: a stream entry has the
 * fields {@code uid}, {@code nsp}, {@code type} (a decimal string) and {@code data}, JSON, or base64 of MessagePack
 * when it holds binary data; what goes through Redis pub/sub (requests, responses) is the whole message in
 * MessagePack.
 */
final class ClusterMessages {

	private static final Set<MessageType> MAY_CONTAIN_BINARY = EnumSet.of(MessageType.BROADCAST,
			MessageType.FETCH_SOCKETS_RESPONSE, MessageType.SERVER_SIDE_EMIT, MessageType.SERVER_SIDE_EMIT_RESPONSE,
			MessageType.BROADCAST_ACK);

	private final JsonMapper mapper;

	private final MessagePackValues messagePack;

	ClusterMessages(JsonMapper mapper) {
		this.mapper = mapper;
		this.messagePack = new MessagePackValues(mapper);
	}

	Map<String, String> toEntry(ClusterMessage message) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("uid", message.uid());
		fields.put("nsp", message.nsp());
		fields.put("type", Integer.toString(message.type().code()));
		// plain values first: an object of the application's may hold binary data too
		Object data = this.mapper.convertValue(message.data(), Object.class);
		fields.put("data", (MAY_CONTAIN_BINARY.contains(message.type()) && hasBinary(data))
				? Base64.getEncoder().encodeToString(this.messagePack.write(data)) : this.mapper.writeValueAsString(data));
		return fields;
	}

	/** The message of a stream entry, or null when the entry is none. */
	@Nullable ClusterMessage fromEntry(Map<String, String> fields) {
		String data = fields.get("data");
		Object value = null;
		if (data != null) {
			value = data.startsWith("{") ? this.mapper.readValue(data, Object.class)
					: this.messagePack.read(Base64.getDecoder().decode(data.getBytes(StandardCharsets.US_ASCII)));
		}
		return message(fields.get("uid"), fields.get("nsp"), fields.get("type"), value);
	}

	byte[] toPubSub(ClusterMessage message) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("uid", message.uid());
		value.put("nsp", message.nsp());
		value.put("type", message.type().code());
		value.put("data", message.data());
		return this.messagePack.write(value);
	}

	/** The message published on a channel, or null when it is none. */
	@Nullable ClusterMessage fromPubSub(byte[] payload) {
		if (!(this.messagePack.read(payload) instanceof Map<?, ?> value)) {
			return null;
		}
		return message(value.get("uid"), value.get("nsp"), value.get("type"), value.get("data"));
	}

	@SuppressWarnings("unchecked")
	private static @Nullable ClusterMessage message(@Nullable Object uid, @Nullable Object nsp, @Nullable Object type,
			@Nullable Object data) {
		MessageType messageType = MessageType.fromCode(type);
		if (!(uid instanceof String sender) || !(nsp instanceof String namespace) || messageType == null) {
			return null;
		}
		return new ClusterMessage(sender, namespace, messageType,
				(data instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of());
	}

	private static boolean hasBinary(@Nullable Object value) {
		if (value instanceof byte[]) {
			return true;
		}
		if (value instanceof Map<?, ?> map) {
			return map.values().stream().anyMatch(ClusterMessages::hasBinary);
		}
		return value instanceof Collection<?> items && items.stream().anyMatch(ClusterMessages::hasBinary);
	}

}
