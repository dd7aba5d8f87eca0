package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.realtime.adapter.RecoverableSession;

/**
 * Sessions as {@code @socket.io/redis-streams-adapter} stores them: base64 of MessagePack
 * {@code {sid, pid, rooms, data}}. This node adds when the socket connected ({@code connectedAt}, which Node nodes
 * ignore), for a client that had received nothing yet; a session without it has {@link #UNKNOWN_CONNECTION}.
 */
final class SessionValues {

	static final Instant UNKNOWN_CONNECTION = Instant.EPOCH;

	private final MessagePackValues messagePack;

	SessionValues(MessagePackValues messagePack) {
		this.messagePack = messagePack;
	}

	byte[] encode(RecoverableSession session) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("sid", session.sid());
		value.put("pid", session.pid());
		value.put("rooms", List.copyOf(session.rooms()));
		value.put("data", session.data());
		value.put("connectedAt", session.connectedAt().toEpochMilli());
		return Base64.getEncoder().encode(this.messagePack.write(value));
	}

	/** The session, or null when the value is none. */
	@Nullable RecoverableSession decode(byte[] stored) {
		Object decoded = this.messagePack.read(Base64.getDecoder().decode(new String(stored, StandardCharsets.US_ASCII)));
		if (!(decoded instanceof Map<?, ?> value) || !(value.get("sid") instanceof String sid)
				|| !(value.get("pid") instanceof String pid)) {
			return null;
		}
		// the socket's attributes hold no null, which Node's data may
		Map<String, Object> data = new LinkedHashMap<>();
		if (value.get("data") instanceof Map<?, ?> values) {
			values.forEach((key, item) -> {
				if (item != null) {
					data.put(String.valueOf(key), item);
				}
			});
		}
		return new RecoverableSession(sid, pid, WireValues.strings(value.get("rooms")), data,
				(value.get("connectedAt") instanceof Number millis) ? Instant.ofEpochMilli(millis.longValue())
						: UNKNOWN_CONNECTION);
	}

}
