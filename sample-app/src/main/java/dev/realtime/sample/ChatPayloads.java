package dev.realtime.sample;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.realtime.server.RealtimeException;

/**
 * The payloads of the chat, as they travel in JSON.
 */
final class ChatPayloads {

	private ChatPayloads() {
	}

	/**
	 * The payload of an event, or a rejection the client sees when it sent none (or {@code null}).
	 * @param example what the payload looks like, for the client's developer
	 */
	static <T> T required(@Nullable T payload, String example) {
		if (payload == null) {
			throw new RealtimeException("Expected a payload like " + example);
		}
		return payload;
	}

	/** Sent to a socket once it has connected. */
	record Welcome(String id, String nickname) {
	}

	/** Asks for another nickname. */
	record Rename(String nickname) {
	}

	/** Names a room to join or leave. */
	record RoomRequest(String room) {
	}

	/** The nicknames of a room's members, sent whenever someone joins, leaves or is renamed. */
	record RoomUsers(String room, List<String> users) {
	}

	/** A message a client sends to a room. */
	record Post(String room, String text) {
	}

	/** A message as the other members of its room receive it; the timestamp is in milliseconds since the epoch. */
	record Message(String id, String room, String from, String text, long timestamp) {
	}

	/** The acknowledgement of a posted message. */
	record Receipt(String id, long timestamp) {
	}

	/** Says that a member started or stopped typing in a room. */
	record Typing(String room, boolean typing) {
	}

	/** A typing notice as the other members of the room receive it. */
	record TypingNotice(String room, String nickname, boolean typing) {
	}

	/** Mutes or unmutes the news ticker for the sender; answered with the setting now in force. */
	record NewsMute(boolean muted) {
	}

	/** A line of the news ticker; the timestamp is the server time in milliseconds since the epoch. */
	record News(String headline, long timestamp) {
	}

}
