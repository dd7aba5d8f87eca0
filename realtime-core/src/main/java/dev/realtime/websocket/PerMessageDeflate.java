package dev.realtime.websocket;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The {@code permessage-deflate} extension (RFC 7692) without context takeover in either direction: every message is
 * compressed on its own, so a connection keeps no zlib state between messages and an idle one costs nothing more.
 * Messages shorter than {@link #THRESHOLD} bytes go out uncompressed, as Socket.IO sends them.
 */
public final class PerMessageDeflate {

	/** Socket.IO's default {@code perMessageDeflate.threshold}. */
	public static final int THRESHOLD = 1024;

	static final String RESPONSE = "permessage-deflate; server_no_context_takeover; client_no_context_takeover";

	// the empty uncompressed block that ends every compressed message, removed on the wire (RFC 7692, 7.2.1)
	private static final byte[] TAIL = { 0x00, 0x00, (byte) 0xFF, (byte) 0xFF };

	private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal
		.withInitial(() -> new Deflater(Deflater.DEFAULT_COMPRESSION, true));

	private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));

	private PerMessageDeflate() {
	}

	/** Whether the client offers an arrangement this server can take: any offer but a smaller server window. */
	static boolean isOffered(HttpServletRequest request) {
		for (String header : Collections.list(request.getHeaders("Sec-WebSocket-Extensions"))) {
			for (String offer : header.split(",")) {
				String[] parameters = offer.split(";");
				if ("permessage-deflate".equalsIgnoreCase(parameters[0].trim()) && acceptable(parameters)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean acceptable(String[] parameters) {
		return Arrays.stream(parameters).skip(1).map(String::trim).noneMatch((parameter) -> {
			String name = parameter.split("=", 2)[0].trim();
			// the JDK's zlib always uses a 32 KB window: a server window of less cannot be honoured
			return "server_max_window_bits".equalsIgnoreCase(name) && !parameter.endsWith("15");
		});
	}

	/** The payload compressed, without the tail the receiver adds back. */
	public static byte[] compress(byte[] payload) {
		Deflater deflater = DEFLATER.get();
		deflater.reset();
		deflater.setInput(payload);
		ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length / 2 + 16);
		byte[] chunk = new byte[Math.max(64, Math.min(payload.length, 16 * 1024))];
		int count;
		while ((count = deflater.deflate(chunk, 0, chunk.length, Deflater.SYNC_FLUSH)) > 0) {
			out.write(chunk, 0, count);
		}
		byte[] compressed = out.toByteArray();
		return Arrays.copyOf(compressed, compressed.length - TAIL.length);
	}

	/**
	 * A compressed message's payload, inflated up to {@code maxPayload} bytes.
	 * @throws WebSocketProtocolException when it does not inflate, or inflates past the largest payload allowed
	 */
	static byte[] decompress(byte[] data, long maxPayload) {
		Inflater inflater = INFLATER.get();
		inflater.reset();
		byte[] input = Arrays.copyOf(data, data.length + TAIL.length);
		System.arraycopy(TAIL, 0, input, data.length, TAIL.length);
		inflater.setInput(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 2);
		byte[] chunk = new byte[16 * 1024];
		try {
			while (!inflater.needsInput()) {
				int count = inflater.inflate(chunk);
				if (count == 0 && (inflater.finished() || inflater.needsDictionary())) {
					break;
				}
				out.write(chunk, 0, count);
				if (out.size() > maxPayload) {
					throw new WebSocketProtocolException(CloseCodes.MESSAGE_TOO_BIG, "Payload too large");
				}
			}
		}
		catch (DataFormatException ex) {
			throw new WebSocketProtocolException(CloseCodes.INVALID_PAYLOAD, "Bad compressed data");
		}
		return out.toByteArray();
	}

}
