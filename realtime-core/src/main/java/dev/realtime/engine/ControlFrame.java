package dev.realtime.engine;

import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;

/**
 * An outbound packet other than a message: open, close, ping, pong or noop.
 *
 * @param pollingFrame the encoded packet, the same on every transport
 */
record ControlFrame(String pollingFrame) implements EngineFrame {

	static final ControlFrame CLOSE = new ControlFrame("1");

	static final ControlFrame PING = new ControlFrame("2");

	static final ControlFrame PONG_PROBE = new ControlFrame("3probe");

	static final ControlFrame NOOP = new ControlFrame("6");

	static ControlFrame open(String handshake) {
		return new ControlFrame("0" + handshake);
	}

	@Override
	public WebSocketMessage<?> webSocketMessage() {
		return new TextMessage(this.pollingFrame);
	}

	@Override
	public int size() {
		return this.pollingFrame.length();
	}

}
