package dev.realtime.server;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

import dev.realtime.annotation.EventArgs;
import dev.realtime.annotation.EventName;
import dev.realtime.annotation.OnAnyEvent;
import dev.realtime.annotation.OnConnect;
import dev.realtime.annotation.OnDisconnect;
import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;

/** Handlers of the main namespace used by the integration tests; records what it saw. */
@RealtimeController
public class ChatController {

	record Message(String room, String text) {
	}

	final BlockingQueue<String> connected = new LinkedBlockingQueue<>();

	final BlockingQueue<String> disconnected = new LinkedBlockingQueue<>();

	final BlockingQueue<String> anyEvents = new LinkedBlockingQueue<>();

	@OnConnect
	void connect(RealtimeSocket socket, Handshake handshake) {
		socket.attributes().put("nickname", handshake.auth().getOrDefault("nickname", "anonymous"));
		this.connected.add(socket.id());
	}

	@OnDisconnect
	void disconnect(RealtimeSocket socket, DisconnectReason reason) {
		this.disconnected.add(socket.id() + " " + reason.reason());
	}

	@OnAnyEvent
	void any(@EventName String event, @EventArgs List<Object> args) {
		this.anyEvents.add(event);
	}

	@OnEvent("join")
	String join(RealtimeSocket socket, String room) {
		socket.join(room);
		return "joined " + room;
	}

	@OnEvent("message")
	Map<String, Object> message(RealtimeSocket socket, Message message) {
		socket.to(message.room()).emit("message", Map.of("from", socket.attribute("nickname"), "text", message.text()));
		return Map.of("delivered", true, "length", message.text().length());
	}

	@OnEvent("raw")
	Object raw(Object payload) {
		return payload;
	}

	@OnEvent("sum")
	int sum(int a, int b) {
		return a + b;
	}

	@OnEvent("upload")
	byte[] upload(String name, byte[] content) {
		byte[] reversed = new byte[content.length];
		for (int i = 0; i < content.length; i++) {
			reversed[i] = content[content.length - 1 - i];
		}
		return reversed;
	}

	@OnEvent("later")
	CompletionStage<String> later(String value) {
		return CompletableFuture.supplyAsync(() -> value.toUpperCase());
	}

	@OnEvent("fail")
	String fail(boolean own) {
		if (own) {
			throw new RealtimeException("not allowed", Map.of("reason", "test")).with("code", 4001);
		}
		throw new IllegalStateException("secret internals");
	}

	@OnEvent("whoami")
	String whoami(Principal principal) {
		return (principal != null) ? principal.getName() : "nobody";
	}

	@OnEvent("ask-me")
	CompletionStage<Object> askMe(RealtimeSocket socket, String text) {
		return socket.emitWithAck(Duration.ofSeconds(5), "question", text);
	}

	@OnEvent("kick")
	void kick(RealtimeSocket socket) {
		socket.disconnect();
	}

	@OnEvent("leave")
	void leave(RealtimeSocket socket, String room) {
		socket.leave(room);
	}

	@OnEvent("answer-later")
	void answerLater(Ack ack, String value) {
		CompletableFuture.runAsync(() -> ack.send(value));
	}

	@OnEvent("answer-null")
	void answerNull(Ack ack) {
		ack.send(null);
	}

	@OnEvent("nickname")
	void nickname(RealtimeSocket socket) {
		socket.emit("nickname", socket.attribute("nickname"));
	}

}
