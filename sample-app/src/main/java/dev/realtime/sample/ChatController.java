package dev.realtime.sample;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import dev.realtime.annotation.OnConnect;
import dev.realtime.annotation.OnDisconnect;
import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.sample.ChatPayloads.Message;
import dev.realtime.sample.ChatPayloads.NewsMute;
import dev.realtime.sample.ChatPayloads.Post;
import dev.realtime.sample.ChatPayloads.Receipt;
import dev.realtime.sample.ChatPayloads.Rename;
import dev.realtime.sample.ChatPayloads.RoomRequest;
import dev.realtime.sample.ChatPayloads.RoomUsers;
import dev.realtime.sample.ChatPayloads.Typing;
import dev.realtime.sample.ChatPayloads.TypingNotice;
import dev.realtime.sample.ChatPayloads.Welcome;
import dev.realtime.server.Handshake;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeSocket;

import static dev.realtime.sample.ChatPayloads.required;

/**
 * The chat on the {@code /chat} namespace. A client connects with {@code auth: {nickname, token}}, joins rooms,
 * posts messages that the server acknowledges with an id and a timestamp, tells the room when it types, and may
 * mute the news ticker. A thrown {@link RealtimeException} answers the client's acknowledgement with
 * {@code {message}}.
 */
@RealtimeController(ChatController.NAMESPACE)
public class ChatController {

	static final String NAMESPACE = "/chat";

	static final String MESSAGE = "message";

	private static final int MAX_TEXT_LENGTH = 2000;

	private static final String ROOM_EXAMPLE = "{\"room\": \"lobby\"}";

	private static final String NICKNAME_EXAMPLE = "{\"nickname\": \"ann\"}";

	@OnConnect
	void connect(RealtimeSocket socket, Handshake handshake) {
		String nickname = ChatMembers.initialNickname(handshake, socket.id());
		ChatMembers.setNickname(socket, nickname);
		socket.emit("welcome", new Welcome(socket.id(), nickname));
	}

	@OnEvent("nickname")
	Rename rename(RealtimeSocket socket, Rename rename) {
		String nickname = ChatMembers.validName(required(rename, NICKNAME_EXAMPLE).nickname(), "nickname");
		ChatMembers.setNickname(socket, nickname);
		ChatMembers.rooms(socket).forEach((room) -> ChatMembers.announceUsers(socket.namespace(), room));
		return new Rename(nickname);
	}

	@OnEvent("join")
	CompletableFuture<RoomUsers> join(RealtimeSocket socket, RoomRequest request) {
		String room = ChatMembers.validName(required(request, ROOM_EXAMPLE).room(), "room name");
		socket.join(ChatMembers.socketRoom(room));
		ChatMembers.rooms(socket).add(room);
		return ChatMembers.announceUsers(socket.namespace(), room);
	}

	@OnEvent("leave")
	CompletableFuture<RoomUsers> leave(RealtimeSocket socket, RoomRequest request) {
		String room = joinedRoom(socket, required(request, ROOM_EXAMPLE).room());
		socket.leave(ChatMembers.socketRoom(room));
		ChatMembers.rooms(socket).remove(room);
		return ChatMembers.announceUsers(socket.namespace(), room);
	}

	@OnEvent(MESSAGE)
	Receipt message(RealtimeSocket socket, Post post) {
		String room = joinedRoom(socket, required(post, "{\"room\": \"lobby\", \"text\": \"Hello\"}").room());
		String text = (post.text() != null) ? post.text().strip() : "";
		if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
			throw new RealtimeException("A message needs 1 to " + MAX_TEXT_LENGTH + " characters");
		}
		Message message = new Message(UUID.randomUUID().toString(), room, ChatMembers.nickname(socket), text,
				System.currentTimeMillis());
		socket.to(ChatMembers.socketRoom(room)).emit(MESSAGE, message);
		return new Receipt(message.id(), message.timestamp());
	}

	@OnEvent("typing")
	void typing(RealtimeSocket socket, Typing typing) {
		String room = joinedRoom(socket, required(typing, "{\"room\": \"lobby\", \"typing\": true}").room());
		socket.to(ChatMembers.socketRoom(room))
			.emit("typing", new TypingNotice(room, ChatMembers.nickname(socket), typing.typing()));
	}

	@OnEvent("mute-news")
	NewsMute muteNews(RealtimeSocket socket, NewsMute mute) {
		ChatMembers.setNewsMuted(socket, required(mute, "{\"muted\": true}").muted());
		return mute;
	}

	@OnDisconnect
	void disconnect(RealtimeSocket socket) {
		ChatMembers.rooms(socket).forEach((room) -> ChatMembers.announceUsers(socket.namespace(), room));
	}

	private static String joinedRoom(RealtimeSocket socket, @Nullable String room) {
		if (room == null) {
			throw new RealtimeException("Name the room: " + ROOM_EXAMPLE);
		}
		if (!ChatMembers.rooms(socket).contains(room)) {
			throw new RealtimeException("Join the room \"" + room + "\" first");
		}
		return room;
	}

}
