package dev.realtime.websocket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client frames as RFC 6455 defines them, whole, split at every byte, fragmented, compressed, and broken.
 */
class FrameReaderTests {

	private final List<Object> received = new ArrayList<>();

	private final FrameReader reader = new FrameReader(1_000, new Recorder(), false);

	@Test
	void readsMaskedTextAndBinaryFrames() {
		read(this.reader, clientFrame(0x81, bytes("4hello")));
		read(this.reader, clientFrame(0x82, new byte[] { 1, 2, 3 }));
		assertThat(this.received).containsExactly("4hello", List.of(1, 2, 3));
	}

	@Test
	void readsFramesSplitAnywhere() {
		byte[] frames = concat(clientFrame(0x81, bytes("x".repeat(300))), clientFrame(0x81, bytes("é")));
		for (byte b : frames) {
			this.reader.read(new byte[] { b }, 0, 1);
		}
		assertThat(this.received).containsExactly("x".repeat(300), "é");
	}

	@Test
	void joinsFragmentsAroundAControlFrame() {
		read(this.reader, concat(clientFrame(0x01, bytes("he")), clientFrame(0x89, bytes("p")),
				clientFrame(0x80, bytes("llo"))));
		assertThat(this.received).containsExactly("ping p", "hello");
	}

	@Test
	void readsCloseCodes() {
		read(this.reader, clientFrame(0x88, new byte[] { 0x03, (byte) 0xE8 }));
		read(this.reader, clientFrame(0x88, new byte[0]));
		assertThat(this.received).containsExactly("close 1000", "close " + CloseCodes.NO_STATUS);
	}

	@Test
	void refusesWhatAClientMustNotSend() {
		assertRefused(unmaskedFrame(0x81, bytes("a")), CloseCodes.PROTOCOL_ERROR);
		assertRefused(clientFrame(0xC1, bytes("a")), CloseCodes.PROTOCOL_ERROR);
		assertRefused(clientFrame(0x09, bytes("a")), CloseCodes.PROTOCOL_ERROR);
		assertRefused(clientFrame(0x83, bytes("a")), CloseCodes.PROTOCOL_ERROR);
		assertRefused(clientFrame(0x80, bytes("a")), CloseCodes.PROTOCOL_ERROR);
		assertRefused(concat(clientFrame(0x01, bytes("a")), clientFrame(0x81, bytes("b"))), CloseCodes.PROTOCOL_ERROR);
		assertRefused(clientFrame(0x89, new byte[126]), CloseCodes.PROTOCOL_ERROR);
		assertRefused(clientFrame(0x81, new byte[] { (byte) 0xC3, 0x28 }), CloseCodes.INVALID_PAYLOAD);
		assertRefused(clientFrame(0x82, new byte[1_001]), CloseCodes.MESSAGE_TOO_BIG);
		assertRefused(concat(clientFrame(0x02, new byte[600]), clientFrame(0x80, new byte[600])),
				CloseCodes.MESSAGE_TOO_BIG);
	}

	@Test
	void inflatesCompressedMessagesWhereNegotiated() {
		FrameReader compressing = new FrameReader(100_000, new Recorder(), true);
		String text = "4" + "{\"hello\":\"world\"}".repeat(200);
		byte[] server = Frames.compressedText('4', text.substring(1));
		// the same payload as a client sends it: masked
		assertThat(server[0] & 0x40).isNotZero();
		read(compressing, clientFrame(server[0] & 0xFF, payload(server)));
		assertThat(this.received).containsExactly(text);
		assertThatExceptionOfType(WebSocketProtocolException.class)
			.isThrownBy(() -> read(this.reader, clientFrame(server[0] & 0xFF, payload(server))));
	}

	@Test
	void refusesACompressedMessageThatInflatesPastTheLimit() {
		FrameReader compressing = new FrameReader(1_000, new Recorder(), true);
		byte[] bomb = PerMessageDeflate.compress(new byte[100_000]);
		assertThat(bomb.length).isLessThan(1_000);
		assertThatExceptionOfType(WebSocketProtocolException.class)
			.isThrownBy(() -> read(compressing, clientFrame(0xC2, bomb)))
			.satisfies((ex) -> assertThat(ex.closeCode()).isEqualTo(CloseCodes.MESSAGE_TOO_BIG));
	}

	private void assertRefused(byte[] data, int closeCode) {
		FrameReader fresh = new FrameReader(1_000, new Recorder(), false);
		assertThatExceptionOfType(WebSocketProtocolException.class).isThrownBy(() -> read(fresh, data))
			.satisfies((ex) -> assertThat(ex.closeCode()).isEqualTo(closeCode));
	}

	private static void read(FrameReader reader, byte[] data) {
		reader.read(data, 0, data.length);
	}

	/** The payload of an unmasked server frame. */
	private static byte[] payload(byte[] frame) {
		int length = frame[1] & 0x7F;
		int start = (length == 126) ? 4 : (length == 127) ? 10 : 2;
		byte[] payload = new byte[frame.length - start];
		System.arraycopy(frame, start, payload, 0, payload.length);
		return payload;
	}

	private static byte[] clientFrame(int first, byte[] payload) {
		byte[] mask = { 0x11, 0x22, 0x33, 0x44 };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(first);
		length(out, 0x80, payload.length);
		out.writeBytes(mask);
		for (int i = 0; i < payload.length; i++) {
			out.write(payload[i] ^ mask[i & 3]);
		}
		return out.toByteArray();
	}

	private static byte[] unmaskedFrame(int first, byte[] payload) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(first);
		length(out, 0, payload.length);
		out.writeBytes(payload);
		return out.toByteArray();
	}

	private static void length(ByteArrayOutputStream out, int maskBit, int length) {
		if (length < 126) {
			out.write(maskBit | length);
		}
		else if (length <= 0xFFFF) {
			out.write(maskBit | 126);
			out.write(length >> 8);
			out.write(length);
		}
		else {
			out.write(maskBit | 127);
			for (int i = 7; i >= 0; i--) {
				out.write((int) ((long) length >> (8 * i)));
			}
		}
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private final class Recorder implements FrameReader.Handler {

		@Override
		public void onText(String text) {
			FrameReaderTests.this.received.add(text);
		}

		@Override
		public void onBinary(byte[] data) {
			List<Integer> values = new ArrayList<>();
			for (byte b : data) {
				values.add((int) b);
			}
			FrameReaderTests.this.received.add(values);
		}

		@Override
		public void onPing(byte[] data) {
			FrameReaderTests.this.received.add("ping " + new String(data, StandardCharsets.UTF_8));
		}

		@Override
		public void onClose(int code) {
			FrameReaderTests.this.received.add("close " + code);
		}

	}

}
