package com.example.chat;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.realtime.annotation.OnConnect;
import dev.realtime.annotation.OnDisconnect;
import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.server.DisconnectReason;
import dev.realtime.server.Handshake;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeSocket;

@RealtimeController("/chat")
public class ChatController {

	private static final Logger logger = LoggerFactory.getLogger(ChatController.class);

	@OnConnect
	void connect(RealtimeSocket socket, Handshake handshake) {
		socket.attributes().put("nickname", String.valueOf(handshake.auth().getOrDefault("nickname", "guest")));
	}

	// the return value answers the client's acknowledgement
	@OnEvent("join")
	String join(RealtimeSocket socket, JoinRequest request) {
		socket.join(request.room());
		return request.room();
	}

	// the argument is converted from JSON
	@OnEvent("message")
	Receipt message(RealtimeSocket socket, Post post) {
		if (!socket.rooms().contains(post.room())) {
			throw new RealtimeException("Join the room first"); // the ack receives {"message": "Join the room first"}
		}
		String nickname = (String) socket.attributes().get("nickname");
		// everyone in the room but the sender
		socket.to(post.room()).emit("message", new Message(nickname, post.text()));
		return new Receipt(UUID.randomUUID().toString(), System.currentTimeMillis());
	}

	@OnDisconnect
	void disconnect(RealtimeSocket socket, DisconnectReason reason) {
		logger.info("{} left: {}", socket.attributes().get("nickname"), reason);
	}

	record JoinRequest(String room) {
	}

	record Post(String room, String text) {
	}

	record Message(String from, String text) {
	}

	record Receipt(String id, long timestamp) {
	}

}
