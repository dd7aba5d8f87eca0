package dev.realtime.engine;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * Binds Spring WebSocket sessions to Engine.IO: a socket without {@code sid} opens a session, one with a
 * {@code sid} is a probe to upgrade that session from polling.
 */
public final class EngineWebSocketHandler extends AbstractWebSocketHandler {

	/** Handshake attribute holding the {@link EngineRequest} captured from the upgrade request. */
	public static final String REQUEST_ATTRIBUTE = EngineRequest.class.getName();

	private static final String TRANSPORT_ATTRIBUTE = WebSocketTransport.class.getName();

	private final EngineServer server;

	EngineWebSocketHandler(EngineServer server) {
		this.server = server;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession socket) {
		long maxPayload = this.server.options().maxPayload();
		ContainerSessionSettings.apply(socket, maxPayload);
		WebSocketTransport transport = new WebSocketTransport(socket, maxPayload);
		String sid = EngineQuery.parse(socket.getUri().getRawQuery()).sid();
		if (sid == null) {
			EngineRequest request = (EngineRequest) socket.getAttributes().get(REQUEST_ATTRIBUTE);
			Assert.state(request != null, "No EngineRequest captured for the WebSocket handshake");
			socket.getAttributes().put(TRANSPORT_ATTRIBUTE, transport);
			this.server.open(request, transport);
		}
		else if (this.server.upgrade(sid, transport)) {
			socket.getAttributes().put(TRANSPORT_ATTRIBUTE, transport);
		}
		else {
			transport.reject();
		}
	}

	/** Messages arrive in parts, joined by the transport up to the largest payload: see {@link MessageParts}. */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
		WebSocketTransport transport = transport(socket);
		if (transport != null) {
			transport.onText(message.getPayload(), message.isLast());
		}
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
		WebSocketTransport transport = transport(socket);
		if (transport != null) {
			transport.onBinary(message.getPayload(), message.isLast());
		}
	}

	@Override
	public void handleTransportError(WebSocketSession socket, Throwable exception) {
		WebSocketTransport transport = transport(socket);
		if (transport != null) {
			transport.onClosed("transport error", exception);
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
		WebSocketTransport transport = transport(socket);
		if (transport != null) {
			transport.onClosed("transport close", null);
		}
	}

	private static @Nullable WebSocketTransport transport(WebSocketSession socket) {
		return (WebSocketTransport) socket.getAttributes().get(TRANSPORT_ATTRIBUTE);
	}

}
