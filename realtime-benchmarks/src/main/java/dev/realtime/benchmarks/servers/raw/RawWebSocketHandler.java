package dev.realtime.benchmarks.servers.raw;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The handlers of the other servers in plain text frames: {@code p...} is echoed (an ack), {@code j} joins the
 * broadcast group and is echoed, {@code b<n>} sends {@code t<n>} to every member of the group.
 */
class RawWebSocketHandler extends TextWebSocketHandler {

	private final Set<WebSocketSession> group = ConcurrentHashMap.newKeySet();

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
		String text = message.getPayload();
		switch (text.charAt(0)) {
			case 'p' -> send(session, message);
			case 'j' -> {
				this.group.add(session);
				send(session, message);
			}
			case 'b' -> {
				TextMessage tick = new TextMessage("t" + text.substring(1));
				for (WebSocketSession member : this.group) {
					send(member, tick);
				}
			}
			default -> session.close(CloseStatus.BAD_DATA);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		this.group.remove(session);
	}

	private static void send(WebSocketSession session, TextMessage message) throws IOException {
		synchronized (session) {
			if (session.isOpen()) {
				session.sendMessage(message);
			}
		}
	}

}
