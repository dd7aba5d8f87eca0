package dev.realtime.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Decodes the frames a client sends (RFC 6455, section 5) from the bytes of the connection, as they arrive, and
 * joins fragmented messages up to the largest payload allowed. Every rule a client must follow is checked: frames
 * masked, reserved bits clear, control frames short and whole, continuations only inside a message, text in UTF-8.
 * Nothing is held between frames but the few header bytes that a read split off.
 */
final class FrameReader {

	/** What the frames carry, in order. */
	interface Handler {

		void onText(String text);

		void onBinary(byte[] data);

		void onPing(byte[] data);

		/** A close frame, with its status code or {@link CloseCodes#NO_STATUS}. */
		void onClose(int code);

	}

	private static final int MAX_CONTROL_PAYLOAD = 125;

	private final long maxPayload;

	private final Handler handler;

	private final boolean deflate;

	private final byte[] header = new byte[14];

	private int headerRead;

	private int maskOffset;

	private int opcode;

	private boolean fin;

	private byte @Nullable [] payload;

	private int payloadRead;

	// a fragmented message in progress: its opcode and the fragments so far
	private int messageOpcode = -1;

	private @Nullable ByteArrayOutputStream fragments;

	private boolean compressed;

	/**
	 * @param deflate whether the connection negotiated {@link PerMessageDeflate}
	 */
	FrameReader(long maxPayload, Handler handler, boolean deflate) {
		this.maxPayload = maxPayload;
		this.handler = handler;
		this.deflate = deflate;
	}

	/**
	 * Reads bytes of the connection, calling the handler for every frame they complete.
	 * @throws WebSocketProtocolException when the client broke the protocol; the connection must be closed
	 */
	void read(byte[] data, int offset, int length) {
		int position = offset;
		int end = offset + length;
		while (position < end) {
			if (this.payload == null) {
				position = readHeader(data, position, end);
			}
			else {
				int count = Math.min(end - position, this.payload.length - this.payloadRead);
				System.arraycopy(data, position, this.payload, this.payloadRead, count);
				this.payloadRead += count;
				position += count;
			}
			if (this.payload != null && this.payloadRead == this.payload.length) {
				byte[] complete = this.payload;
				this.payload = null;
				unmask(complete);
				onFrame(complete);
			}
		}
	}

	private int readHeader(byte[] data, int position, int end) {
		while (position < end && this.headerRead < headerLength()) {
			this.header[this.headerRead++] = data[position++];
			if (this.headerRead == 2) {
				checkFirstBytes();
			}
		}
		if (this.headerRead == headerLength()) {
			long length = payloadLength();
			checkLength(length);
			this.payload = new byte[(int) length];
			this.payloadRead = 0;
			this.maskOffset = headerLength() - 4;
			this.headerRead = 0;
		}
		return position;
	}

	/** 2 bytes, the extended length, the mask: known once the first two bytes are in. */
	private int headerLength() {
		if (this.headerRead < 2) {
			return 2;
		}
		int length = this.header[1] & 0x7F;
		return 2 + ((length == 126) ? 2 : (length == 127) ? 8 : 0) + 4;
	}

	private void checkFirstBytes() {
		int first = this.header[0] & 0xFF;
		this.fin = (first & 0x80) != 0;
		this.opcode = first & 0x0F;
		boolean rsv1 = (first & Frames.RSV1) != 0;
		if ((first & 0x30) != 0 || (rsv1 && (!this.deflate || isControl(this.opcode)
				|| this.opcode == Frames.CONTINUATION))) {
			throw new WebSocketProtocolException("Reserved bits set");
		}
		if (!isControl(this.opcode) && this.opcode != Frames.CONTINUATION) {
			this.compressed = rsv1;
		}
		if ((this.header[1] & 0x80) == 0) {
			throw new WebSocketProtocolException("Client frame not masked");
		}
		if (isControl(this.opcode)) {
			if (!this.fin) {
				throw new WebSocketProtocolException("Fragmented control frame");
			}
			if ((this.header[1] & 0x7F) > MAX_CONTROL_PAYLOAD) {
				throw new WebSocketProtocolException("Control frame too long");
			}
			if (this.opcode != Frames.CLOSE && this.opcode != Frames.PING && this.opcode != Frames.PONG) {
				throw new WebSocketProtocolException("Unknown opcode " + this.opcode);
			}
		}
		else if (this.opcode == Frames.CONTINUATION) {
			if (this.messageOpcode < 0) {
				throw new WebSocketProtocolException("Continuation outside a message");
			}
		}
		else if (this.opcode == Frames.TEXT || this.opcode == Frames.BINARY) {
			if (this.messageOpcode >= 0) {
				throw new WebSocketProtocolException("New message inside a fragmented one");
			}
		}
		else {
			throw new WebSocketProtocolException("Unknown opcode " + this.opcode);
		}
	}

	private long payloadLength() {
		int length = this.header[1] & 0x7F;
		if (length == 126) {
			return ((this.header[2] & 0xFF) << 8) | (this.header[3] & 0xFF);
		}
		if (length == 127) {
			long value = 0;
			for (int i = 2; i < 10; i++) {
				value = (value << 8) | (this.header[i] & 0xFF);
			}
			return value;
		}
		return length;
	}

	private void checkLength(long length) {
		long message = (this.fragments != null && this.opcode == Frames.CONTINUATION) ? this.fragments.size() : 0;
		if (length < 0 || length + message > this.maxPayload) {
			throw new WebSocketProtocolException(CloseCodes.MESSAGE_TOO_BIG, "Payload too large");
		}
	}

	private void unmask(byte[] data) {
		int maskStart = this.maskOffset;
		byte[] header = this.header;
		for (int i = 0; i < data.length; i++) {
			data[i] ^= header[maskStart + (i & 3)];
		}
	}

	private void onFrame(byte[] data) {
		switch (this.opcode) {
			case Frames.PING -> this.handler.onPing(data);
			case Frames.PONG -> {
			}
			case Frames.CLOSE -> this.handler.onClose(closeCode(data));
			case Frames.CONTINUATION -> {
				this.fragments.writeBytes(data);
				if (this.fin) {
					int opcode = this.messageOpcode;
					byte[] message = this.fragments.toByteArray();
					this.messageOpcode = -1;
					this.fragments = null;
					deliver(opcode, message);
				}
			}
			default -> {
				if (this.fin) {
					deliver(this.opcode, data);
				}
				else {
					this.messageOpcode = this.opcode;
					this.fragments = new ByteArrayOutputStream(data.length * 2);
					this.fragments.writeBytes(data);
				}
			}
		}
	}

	private void deliver(int opcode, byte[] payload) {
		byte[] message = this.compressed ? PerMessageDeflate.decompress(payload, this.maxPayload) : payload;
		if (opcode == Frames.TEXT) {
			this.handler.onText(utf8(message));
		}
		else {
			this.handler.onBinary(message);
		}
	}

	private static int closeCode(byte[] data) {
		if (data.length == 0) {
			return CloseCodes.NO_STATUS;
		}
		if (data.length == 1) {
			throw new WebSocketProtocolException("Close frame of one byte");
		}
		return ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
	}

	/** Text in UTF-8, refused when malformed; ASCII, most of what Engine.IO carries, skips the decoder. */
	private static String utf8(byte[] data) {
		for (byte b : data) {
			if (b < 0) {
				try {
					return StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)
						.decode(ByteBuffer.wrap(data))
						.toString();
				}
				catch (CharacterCodingException ex) {
					throw new WebSocketProtocolException(CloseCodes.INVALID_PAYLOAD, "Text not in UTF-8");
				}
			}
		}
		return new String(data, StandardCharsets.ISO_8859_1);
	}

	private static boolean isControl(int opcode) {
		return (opcode & 0x8) != 0;
	}

}
