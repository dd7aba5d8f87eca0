package dev.realtime.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.realtime.adapter.SocketDetails;

/** Sockets in a fetchSockets response: {@code {requestId, sockets: [{id, handshake, rooms, data}]}}. */
final class SocketDetailsValues {

	private SocketDetailsValues() {
	}

	static List<Map<String, Object>> toResponse(List<SocketDetails> sockets) {
		List<Map<String, Object>> values = new ArrayList<>(sockets.size());
		for (SocketDetails socket : sockets) {
			Map<String, Object> value = new LinkedHashMap<>();
			value.put("id", socket.id());
			value.put("handshake", socket.handshake());
			value.put("rooms", List.copyOf(socket.rooms()));
			value.put("data", socket.data());
			values.add(value);
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	static List<SocketDetails> fromResponse(Map<String, Object> response) {
		if (!(response.get("sockets") instanceof List<?> sockets)) {
			return List.of();
		}
		List<SocketDetails> found = new ArrayList<>(sockets.size());
		for (Object socket : sockets) {
			if (socket instanceof Map<?, ?> value && value.get("id") instanceof String id) {
				found.add(new SocketDetails(id, WireValues.strings(value.get("rooms")),
						(value.get("handshake") instanceof Map<?, ?> handshake) ? (Map<String, Object>) handshake : Map.of(),
						(value.get("data") instanceof Map<?, ?> data) ? (Map<String, Object>) data : Map.of()));
			}
		}
		return found;
	}

}
