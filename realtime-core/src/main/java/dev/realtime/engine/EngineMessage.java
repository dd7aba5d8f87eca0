package dev.realtime.engine;

import java.util.Base64;

import dev.realtime.websocket.Frames;

/**
 * The payload of one Engine.IO "message" packet: text or binary. Immutable and shareable, so a broadcast builds
 * its messages once and hands the same instances to every recipient session; each transport's framing is computed
 * at most once per message.
 */
public final class EngineMessage implements EngineFrame {

	private final String text;

	private final byte[] data;

	private volatile String pollingFrame;

	private volatile byte[] webSocketFrame;

	private volatile byte[] compressedWebSocketFrame;

	private volatile int length = -1;

	private EngineMessage(String text, byte[] data) {
		this.text = text;
		this.data = data;
	}

	public static EngineMessage text(String text) {
		return new EngineMessage(text, null);
	}

	public static EngineMessage binary(byte[] data) {
		return new EngineMessage(null, data);
	}

	public boolean isBinary() {
		return this.data != null;
	}

	public String text() {
		return this.text;
	}

	public byte[] data() {
		return this.data;
	}

	/** The packet as it travels in a polling payload: {@code 4<text>} or {@code b<base64>}. */
	@Override
	public String pollingFrame() {
		String frame = this.pollingFrame;
		if (frame == null) {
			frame = isBinary() ? "b" + Base64.getEncoder().encodeToString(this.data) : "4" + this.text;
			this.pollingFrame = frame;
		}
		return frame;
	}

	/**
	 * The packet as one WebSocket frame: {@code 4<text>} as text, binary as the raw bytes. Encoded once, so a
	 * broadcast hands the same bytes to every recipient.
	 */
	@Override
	public byte[] webSocketFrame() {
		byte[] frame = this.webSocketFrame;
		if (frame == null) {
			frame = isBinary() ? Frames.binary(this.data) : Frames.text('4', this.text);
			this.webSocketFrame = frame;
		}
		return frame;
	}

	@Override
	public byte[] compressedWebSocketFrame() {
		byte[] frame = this.compressedWebSocketFrame;
		if (frame == null) {
			frame = isBinary() ? Frames.compressedBinary(this.data) : Frames.compressedText('4', this.text);
			this.compressedWebSocketFrame = frame;
		}
		return frame;
	}

	/** The payload's length in bytes: UTF-8 for text. Computed once, so a broadcast counts it once. */
	public int length() {
		int length = this.length;
		if (length < 0) {
			length = isBinary() ? this.data.length : utf8Length(this.text);
			this.length = length;
		}
		return length;
	}

	/** The length of a text in UTF-8, without encoding it. */
	public static int utf8Length(CharSequence text) {
		int length = text.length();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x800) {
				// three bytes, or four for a surrogate pair, whose two chars count two already
				length += Character.isSurrogate(c) ? 1 : 2;
			}
			else if (c >= 0x80) {
				length++;
			}
		}
		return length;
	}

	/** Bytes this message occupies in an output buffer, for flow control. */
	@Override
	public int size() {
		return isBinary() ? this.data.length : this.text.length() * 3 / 2;
	}

	@Override
	public String toString() {
		return isBinary() ? "binary(" + this.data.length + ")" : this.text;
	}

}
