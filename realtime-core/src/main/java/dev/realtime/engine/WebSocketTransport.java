package dev.realtime.engine;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.realtime.websocket.WebSocketListener;

/**
 * WebSocket: one packet per frame, binary messages as raw binary frames. A send hands the packets to the
 * {@link WebSocketChannel} and returns; the channel writes them without waiting for the client, and a client whose
 * unsent output passes {@code realtime.max-buffered-bytes} is disconnected.
 */
final class WebSocketTransport extends EngineTransport implements WebSocketListener {

	private final long maxBufferedBytes;

	private WebSocketChannel channel;

	WebSocketTransport(long maxBufferedBytes) {
		this.maxBufferedBytes = maxBufferedBytes;
	}

	/** Set once, before the first frame is sent or received. */
	void connect(WebSocketChannel channel) {
		this.channel = channel;
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
	boolean isIdle() {
		return !this.channel.isBusy();
	}

	@Override
	void send(List<? extends EngineFrame> frames) {
		if (!this.channel.send(frames)) {
			tooSlow();
		}
	}

	@Override
	long queuedBytes() {
		return this.channel.queuedBytes();
	}

	private void tooSlow() {
		closeTooSlow(this.maxBufferedBytes);
		this.channel.abort();
	}

	@Override
	void close(boolean closePacket) {
		if (closePacket) {
			this.channel.send(List.of(ControlFrame.CLOSE));
		}
		this.channel.close();
	}

	@Override
	void shutdown() {
		this.channel.send(List.of(ControlFrame.CLOSE));
		this.channel.shutdown();
	}

	/** Closes a WebSocket that no session took. */
	void reject() {
		this.channel.close();
	}

	@Override
	public void onText(String text) {
		EnginePacket packet;
		try {
			packet = EngineCodec.decodePacket(text);
		}
		catch (IllegalArgumentException ex) {
			session().onParseError(this, ex);
			return;
		}
		session().onPacket(this, packet);
	}

	@Override
	public void onBinary(byte[] data) {
		session().onPacket(this, EnginePacket.binary(data));
	}

	@Override
	public void onClosed(String reason, @Nullable Throwable cause) {
		session().onTransportClosed(this, reason, cause);
	}

}
