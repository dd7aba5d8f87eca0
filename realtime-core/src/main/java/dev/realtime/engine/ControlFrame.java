package dev.realtime.engine;

import dev.realtime.websocket.Frames;

/**
 * An outbound packet other than a message: open, close, ping, pong or noop.
 */
final class ControlFrame implements EngineFrame {

	static final ControlFrame CLOSE = new ControlFrame("1");

	static final ControlFrame PING = new ControlFrame("2");

	static final ControlFrame PONG_PROBE = new ControlFrame("3probe");

	static final ControlFrame NOOP = new ControlFrame("6");

	private final String pollingFrame;

	private final byte[] webSocketFrame;

	private ControlFrame(String pollingFrame) {
		this.pollingFrame = pollingFrame;
		this.webSocketFrame = Frames.text(pollingFrame);
	}

	static ControlFrame open(String handshake) {
		return new ControlFrame("0" + handshake);
	}

	/** The encoded packet, the same on every transport. */
	@Override
	public String pollingFrame() {
		return this.pollingFrame;
	}

	@Override
	public byte[] webSocketFrame() {
		return this.webSocketFrame;
	}

	@Override
	public int size() {
		return this.pollingFrame.length();
	}

	@Override
	public String toString() {
		return this.pollingFrame;
	}

}
