package dev.realtime.redis;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketType;

/**
 * Packets and broadcast options as the Node adapter exchanges them: a packet is the socket.io-parser object
 * {@code {type, data, nsp, id?}}, options are {@code {rooms: [...], except: [...], flags: {...}}}.
 */
final class WireValues {

	/** Our own addition to the options, ignored by Node nodes: the sending socket, for PUBLISH_OUT middleware. */
	private static final String SENDER = "sender";

	private static final String VOLATILE = "volatile";

	private WireValues() {
	}

	static Map<String, Object> packet(Packet packet) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("type", packet.type().ordinal());
		value.put("data", packet.data());
		value.put("nsp", packet.namespace());
		if (packet.id() != null) {
			value.put("id", packet.id());
		}
		return value;
	}

	/**
	 * The packet a value describes. Binary types become plain ones, as in {@link Packet}; a missing namespace is
	 * the main one, as Node reads it.
	 */
	static @Nullable Packet packet(@Nullable Object value) {
		if (!(value instanceof Map<?, ?> map) || !(map.get("type") instanceof Number code)) {
			return null;
		}
		PacketType type = switch (code.intValue()) {
			case 2, 5 -> PacketType.EVENT;
			case 3, 6 -> PacketType.ACK;
			default -> null;
		};
		if (type == null || !(map.get("data") instanceof List<?> data)) {
			return null;
		}
		Object namespace = map.get("nsp");
		Object id = map.get("id");
		return new Packet(type, (namespace != null) ? namespace.toString() : "/",
				(id instanceof Number number) ? number.longValue() : null, data);
	}

	/** The options, with these flags and the volatile one, as Node writes them. */
	static Map<String, Object> options(BroadcastOptions options, Map<String, Object> flags) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("rooms", List.copyOf(options.rooms()));
		value.put("except", List.copyOf(options.except()));
		Map<String, Object> allFlags = new LinkedHashMap<>(flags);
		if (options.isVolatile()) {
			allFlags.put(VOLATILE, true);
		}
		value.put("flags", allFlags);
		if (options.sender() != null) {
			value.put(SENDER, options.sender());
		}
		return value;
	}

	static BroadcastOptions options(@Nullable Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			return new BroadcastOptions(Set.of(), Set.of(), true);
		}
		Object sender = map.get(SENDER);
		boolean isVolatile = map.get("flags") instanceof Map<?, ?> flags && Boolean.TRUE.equals(flags.get(VOLATILE));
		return new BroadcastOptions(strings(map.get("rooms")), strings(map.get("except")), true,
				(sender instanceof String id) ? id : null, isVolatile);
	}

	/** Room names from a JSON or MessagePack array; Node allows numbers as room names. */
	static Set<String> strings(@Nullable Object value) {
		if (!(value instanceof Collection<?> items)) {
			return Set.of();
		}
		Set<String> strings = new LinkedHashSet<>();
		for (Object item : items) {
			if (item != null) {
				strings.add(item.toString());
			}
		}
		return strings;
	}

}
