package dev.realtime.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * WebSocket: one packet per frame, binary messages as raw binary frames. Frames are written one at a time, under the
 * session's lock, straight to the container's session: nothing is buffered here. A send blocks until the container
 * takes the frame; a client that stops reading is disconnected by the container's blocking-send timeout (Tomcat:
 * 20 s).
 */
final class WebSocketTransport extends EngineTransport {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketTransport.class);

	private final WebSocketSession socket;

	private final MessageParts parts;

	WebSocketTransport(WebSocketSession socket, long maxPayload) {
		this.socket = socket;
		this.parts = new MessageParts(maxPayload);
	}

	@Override
	String name() {
		return EngineOptions.WEBSOCKET;
	}

	@Override
	boolean isWritable() {
		return true;
	}

	@Override
	void send(List<? extends EngineFrame> frames) {
		try {
			for (EngineFrame frame : frames) {
				this.socket.sendMessage(frame.webSocketMessage());
			}
		}
		catch (IOException | RuntimeException ex) {
			session().onTransportClosed(this, "transport error", ex);
		}
	}

	@Override
	void close(boolean closePacket) {
		if (!this.socket.isOpen()) {
			return;
		}
		try {
			if (closePacket) {
				this.socket.sendMessage(ControlFrame.CLOSE.webSocketMessage());
			}
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not send the close packet to WebSocket {}", this.socket.getId(), ex);
		}
		try {
			this.socket.close(CloseStatus.NORMAL);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not close WebSocket {}", this.socket.getId(), ex);
		}
	}

	/** Closes a WebSocket that no session took. */
	void reject() {
		close(false);
	}

	void onText(String part, boolean last) {
		String frame;
		try {
			frame = this.parts.text(part, last);
		}
		catch (MessageParts.PayloadTooLargeException ex) {
			session().onTransportClosed(this, "transport error", ex);
			return;
		}
		if (frame != null) {
			onText(frame);
		}
	}

	private void onText(String frame) {
		EnginePacket packet;
		try {
			packet = EngineCodec.decodePacket(frame);
		}
		catch (IllegalArgumentException ex) {
			session().onParseError(this, ex);
			return;
		}
		session().onPacket(this, packet);
	}

	void onBinary(ByteBuffer part, boolean last) {
		byte[] data;
		try {
			data = this.parts.binary(part, last);
		}
		catch (MessageParts.PayloadTooLargeException ex) {
			session().onTransportClosed(this, "transport error", ex);
			return;
		}
		if (data != null) {
			session().onPacket(this, EnginePacket.binary(data));
		}
	}

	void onClosed(String reason, @Nullable Throwable cause) {
		session().onTransportClosed(this, reason, cause);
	}

}
