package dev.realtime.engine;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * Binds the WebSockets that Jetty's own implementation opens (through Spring's handshake) to Engine.IO: a socket
 * without {@code sid} opens a session, one with a {@code sid} is a probe to upgrade that session from polling. Only
 * used on Jetty, whose Servlet upgrade does not deliver a WebSocket's input.
 */
public final class JettyWebSocketHandler extends AbstractWebSocketHandler {

	/** Handshake attribute holding the {@link EngineRequest} captured from the upgrade request. */
	public static final String REQUEST_ATTRIBUTE = EngineRequest.class.getName();

	private static final String TRANSPORT_ATTRIBUTE = WebSocketTransport.class.getName();

	private static final String PARTS_ATTRIBUTE = MessageParts.class.getName();

	private final EngineServer server;

	public JettyWebSocketHandler(EngineServer server) {
		this.server = server;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession socket) {
		long maxPayload = this.server.options().maxPayload();
		org.eclipse.jetty.websocket.api.Session jetty = (org.eclipse.jetty.websocket.api.Session) ((NativeWebSocketSession) socket)
			.getNativeSession();
		// Jetty refuses messages and frames over 64 KB whatever the handler takes: Engine.IO's own limit applies
		jetty.setMaxTextMessageSize(maxPayload);
		jetty.setMaxBinaryMessageSize(maxPayload);
		jetty.setMaxFrameSize(maxPayload);
		WebSocketTransport transport = new WebSocketTransport(this.server.options().maxBufferedBytes());
		transport.connect(new JettyWebSocketChannel(jetty, this.server.options().maxBufferedBytes()));
		socket.getAttributes().put(TRANSPORT_ATTRIBUTE, transport);
		socket.getAttributes().put(PARTS_ATTRIBUTE, new MessageParts(maxPayload));
		String sid = EngineQuery.parse(socket.getUri().getRawQuery()).sid();
		this.server.accept((EngineRequest) socket.getAttributes().get(REQUEST_ATTRIBUTE), sid, transport);
	}

	/** Messages arrive in parts, joined up to the largest payload: see {@link MessageParts}. */
	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	protected void handleTextMessage(WebSocketSession socket, TextMessage message) {
		receive(socket, (parts) -> parts.text(message.getPayload(), message.isLast()), WebSocketTransport::onText);
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession socket, BinaryMessage message) {
		receive(socket, (parts) -> parts.binary(message.getPayload(), message.isLast()), WebSocketTransport::onBinary);
	}

	/** Joins a part to the socket's message, and hands the message on once it is whole. */
	private static <T> void receive(WebSocketSession socket, Function<MessageParts, @Nullable T> join,
			BiConsumer<WebSocketTransport, T> deliver) {
		WebSocketTransport transport = transport(socket);
		if (transport == null) {
			return;
		}
		try {
			T whole = join.apply(parts(socket));
			if (whole != null) {
				deliver.accept(transport, whole);
			}
		}
		catch (MessageParts.PayloadTooLargeException ex) {
			transport.onClosed("transport error", ex);
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

	private static MessageParts parts(WebSocketSession socket) {
		return (MessageParts) socket.getAttributes().get(PARTS_ATTRIBUTE);
	}

}
