package dev.realtime.redis;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.protocol.Packet;

/**
 * Encodes and decodes what nodes publish: broadcasts as MessagePack {@code [uid, packet, options]}, requests and
 * responses as JSON objects, except those that carry packets or acknowledgements, which are MessagePack maps. A
 * message is JSON when it starts with "{", as the Node adapter tells them apart.
 */
final class ClusterCodec {

	private final JsonMapper mapper;

	private final MessagePackValues messagePack;

	ClusterCodec(JsonMapper mapper) {
		this.mapper = mapper;
		this.messagePack = new MessagePackValues(mapper);
	}

	byte[] broadcast(String uid, Packet packet, BroadcastOptions options, Map<String, Object> flags) {
		return this.messagePack.write(List.of(uid, WireValues.packet(packet), WireValues.options(options, flags)));
	}

	/** A broadcast from another node, or null when the message is none. */
	@Nullable Broadcast decodeBroadcast(byte[] message) {
		if (!(this.messagePack.read(message) instanceof List<?> parts) || parts.size() < 3
				|| !(parts.get(0) instanceof String uid)) {
			return null;
		}
		Packet packet = WireValues.packet(parts.get(1));
		return (packet != null) ? new Broadcast(uid, packet, WireValues.options(parts.get(2))) : null;
	}

	byte[] json(Map<String, Object> message) {
		return this.mapper.writeValueAsBytes(message);
	}

	byte[] messagePack(Map<String, Object> message) {
		return this.messagePack.write(message);
	}

	/** A request or response as a map, whichever encoding it came in; null when it is neither. */
	@SuppressWarnings("unchecked")
	@Nullable Map<String, Object> decodeMap(byte[] message) {
		Object value = (message.length > 0 && message[0] == '{') ? this.mapper.readValue(message, Object.class)
				: this.messagePack.read(message);
		return (value instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
	}

	/** A broadcast as another node published it. */
	record Broadcast(String uid, Packet packet, BroadcastOptions options) {
	}

}
