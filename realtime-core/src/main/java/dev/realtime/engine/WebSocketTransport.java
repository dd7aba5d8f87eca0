package dev.realtime.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * WebSocket: one packet per frame, binary messages as raw binary frames. Output goes through a
 * {@link org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator} that bounds buffering and
 * sending time, so a slow client is disconnected instead of holding memory or threads.
 */
final class WebSocketTransport extends EngineTransport {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketTransport.class);

	/** How often a close waits for frames still being written by another thread. */
	private static final Duration FLUSH_CHECK = Duration.ofMillis(10);

	private final ConcurrentWebSocketSessionDecorator socket;

	private final MessageParts parts;

	private final TaskScheduler scheduler;

	WebSocketTransport(ConcurrentWebSocketSessionDecorator socket, long maxPayload, TaskScheduler scheduler) {
		this.socket = socket;
		this.parts = new MessageParts(maxPayload);
		this.scheduler = scheduler;
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
			// includes the decorator's SessionLimitExceededException for a client too slow to keep up
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
		closeWhenFlushed();
	}

	/**
	 * Closes once no frame is queued or being written: while another thread writes, the decorator only queues a
	 * frame, and closing at once would drop it (the close packet among them). The decorator's send time limit bounds
	 * the wait.
	 */
	private void closeWhenFlushed() {
		if (this.socket.isOpen() && (this.socket.getBufferSize() > 0 || this.socket.getTimeSinceSendStarted() > 0)) {
			this.scheduler.schedule(this::closeWhenFlushed, Instant.now().plus(FLUSH_CHECK));
			return;
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
		try {
			this.socket.close(CloseStatus.NORMAL);
		}
		catch (IOException ex) {
			logger.debug("Could not close WebSocket {}", this.socket.getId(), ex);
		}
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
