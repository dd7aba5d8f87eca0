package dev.realtime.websocket;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the frames a server sends (RFC 6455, section 5.2): never masked and never fragmented, so a frame's bytes
 * are the same for every recipient and one encoding serves a whole broadcast.
 */
public final class Frames {

	static final int CONTINUATION = 0x0;

	static final int TEXT = 0x1;

	static final int BINARY = 0x2;

	static final int CLOSE = 0x8;

	static final int PING = 0x9;

	static final int PONG = 0xA;

	private static final int FIN = 0x80;

	/** Marks the first frame of a compressed message (RFC 7692, section 6). */
	static final int RSV1 = 0x40;

	private Frames() {
	}

	/** A text frame whose payload is {@code prefix} followed by {@code text}, both encoded in UTF-8 once. */
	public static byte[] text(char prefix, String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] frame = header(TEXT, payload.length + 1);
		int start = frame.length - payload.length - 1;
		frame[start] = (byte) prefix;
		System.arraycopy(payload, 0, frame, start + 1, payload.length);
		return frame;
	}

	/**
	 * The same text frame for a connection that negotiated {@link PerMessageDeflate}: compressed when it is long
	 * enough to gain from it.
	 */
	public static byte[] compressedText(char prefix, String text) {
		byte[] payload = (prefix + text).getBytes(StandardCharsets.UTF_8);
		return (payload.length < PerMessageDeflate.THRESHOLD) ? frame(TEXT, payload)
				: frame(RSV1 | TEXT, PerMessageDeflate.compress(payload));
	}

	/** The same binary frame for a connection that negotiated {@link PerMessageDeflate}. */
	public static byte[] compressedBinary(byte[] data) {
		return (data.length < PerMessageDeflate.THRESHOLD) ? frame(BINARY, data)
				: frame(RSV1 | BINARY, PerMessageDeflate.compress(data));
	}

	public static byte[] text(String text) {
		return frame(TEXT, text.getBytes(StandardCharsets.UTF_8));
	}

	public static byte[] binary(byte[] data) {
		return frame(BINARY, data);
	}

	static byte[] pong(byte[] data) {
		return frame(PONG, data);
	}

	/** A close frame with a status code (RFC 6455, section 7.4) and a short reason. */
	static byte[] close(int code, String reason) {
		byte[] text = reason.getBytes(StandardCharsets.UTF_8);
		byte[] payload = new byte[2 + text.length];
		payload[0] = (byte) (code >> 8);
		payload[1] = (byte) code;
		System.arraycopy(text, 0, payload, 2, text.length);
		return frame(CLOSE, payload);
	}

	private static byte[] frame(int bits, byte[] payload) {
		byte[] frame = header(bits, payload.length);
		System.arraycopy(payload, 0, frame, frame.length - payload.length, payload.length);
		return frame;
	}

	/** A frame of the right length with its header written and its payload left to fill. */
	private static byte[] header(int bits, int length) {
		int headerLength = (length < 126) ? 2 : (length <= 0xFFFF) ? 4 : 10;
		byte[] frame = new byte[headerLength + length];
		frame[0] = (byte) (FIN | bits);
		if (length < 126) {
			frame[1] = (byte) length;
		}
		else if (length <= 0xFFFF) {
			frame[1] = 126;
			frame[2] = (byte) (length >> 8);
			frame[3] = (byte) length;
		}
		else {
			frame[1] = 127;
			for (int i = 0; i < 8; i++) {
				frame[9 - i] = (byte) ((long) length >> (8 * i));
			}
		}
		return frame;
	}

}
