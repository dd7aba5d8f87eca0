package dev.realtime.sample;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.realtime.sample.ChatPayloads.RoomUsers;
import dev.realtime.server.Handshake;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeSocket;
import dev.realtime.server.RemoteSocket;

/**
 * What the chat keeps on each socket (its nickname, the rooms it joined, whether it muted the news), and the user lists of rooms. A chat
 * room named "lobby" is the Socket.IO room "room:lobby", so that no name can match the room of a socket's id.
 */
final class ChatMembers {

	private static final int MAX_NAME_LENGTH = 32;

	private static final String NICKNAME = "nickname";

	private static final String ROOMS = "rooms";

	private static final String NEWS_MUTED = "newsMuted";

	private ChatMembers() {
	}

	static String nickname(RemoteSocket socket) {
		Object nickname = socket.attributes().get(NICKNAME);
		return (nickname != null) ? nickname.toString() : "guest";
	}

	static void setNickname(RealtimeSocket socket, String nickname) {
		socket.attributes().put(NICKNAME, nickname);
	}

	/** The chat rooms the socket joined; kept here because a disconnected socket is in no room any more. */
	@SuppressWarnings("unchecked")
	static Set<String> rooms(RealtimeSocket socket) {
		return (Set<String>) socket.attributes().computeIfAbsent(ROOMS, (key) -> ConcurrentHashMap.newKeySet());
	}

	static boolean newsMuted(RemoteSocket socket) {
		return Boolean.TRUE.equals(socket.attributes().get(NEWS_MUTED));
	}

	static void setNewsMuted(RealtimeSocket socket, boolean muted) {
		socket.attributes().put(NEWS_MUTED, muted);
	}

	/** The Socket.IO room of a chat room. */
	static String socketRoom(String room) {
		return "room:" + room;
	}

	/** The nickname the client asked for in its {@code auth}, else a guest name. */
	static String initialNickname(Handshake handshake, String socketId) {
		if (handshake.principal() != null) {
			return handshake.principal().getName();
		}
		if (handshake.auth().get(NICKNAME) instanceof String requested && isValid(requested.strip())) {
			return requested.strip();
		}
		return "guest-" + socketId.substring(0, 4);
	}

	/** The name trimmed, or a rejection the client sees when it is blank or too long. */
	static String validName(String name, String what) {
		String trimmed = (name != null) ? name.strip() : "";
		if (!isValid(trimmed)) {
			throw new RealtimeException("A " + what + " needs 1 to " + MAX_NAME_LENGTH + " characters");
		}
		return trimmed;
	}

	private static boolean isValid(String name) {
		return !name.isEmpty() && name.length() <= MAX_NAME_LENGTH;
	}

	/** The nicknames of the sockets in a room, on every node. */
	static CompletableFuture<RoomUsers> users(Namespace namespace, String room) {
		return namespace.in(socketRoom(room))
			.fetchSockets()
			.thenApply((sockets) -> new RoomUsers(room,
					sockets.stream().map(ChatMembers::nickname).sorted(Comparator.naturalOrder()).toList()));
	}

	/** Tells everyone in the room who is there now, and answers with the same list. */
	static CompletableFuture<RoomUsers> announceUsers(Namespace namespace, String room) {
		return users(namespace, room).thenApply((users) -> {
			namespace.to(socketRoom(room)).emit("users", users);
			return users;
		});
	}

}
