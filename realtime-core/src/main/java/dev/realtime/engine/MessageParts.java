package dev.realtime.engine;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.jspecify.annotations.Nullable;

/**
 * Joins the parts of a WebSocket message that the container delivers in pieces, up to the largest payload allowed.
 * Taking messages in parts keeps the container's per-connection buffers at their small defaults: sized to the
 * largest payload, Tomcat would allocate them for every connection up front. Nothing is held between messages.
 */
final class MessageParts {

	private final long maxPayload;

	private @Nullable StringBuilder text;

	private @Nullable ByteArrayOutputStream binary;

	MessageParts(long maxPayload) {
		this.maxPayload = maxPayload;
	}

	/**
	 * The whole text message once its last part arrived, else null.
	 * @throws PayloadTooLargeException when the message grows past the largest payload allowed
	 */
	@Nullable String text(String part, boolean last) {
		if (this.text == null && last) {
			return checked(part.length(), part);
		}
		StringBuilder joined = (this.text != null) ? this.text : new StringBuilder(part.length() * 2);
		joined.append(part);
		checked(joined.length(), joined);
		this.text = last ? null : joined;
		return last ? joined.toString() : null;
	}

	/** The whole binary message once its last part arrived, else null. */
	byte @Nullable [] binary(ByteBuffer part, boolean last) {
		if (this.binary == null && last) {
			return checked(part.remaining(), bytes(part));
		}
		ByteArrayOutputStream joined = (this.binary != null) ? this.binary : new ByteArrayOutputStream();
		joined.writeBytes(bytes(part));
		checked(joined.size(), joined);
		this.binary = last ? null : joined;
		return last ? joined.toByteArray() : null;
	}

	private <T> T checked(long length, T message) {
		if (length > this.maxPayload) {
			this.text = null;
			this.binary = null;
			throw new PayloadTooLargeException();
		}
		return message;
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] data = new byte[buffer.remaining()];
		buffer.get(data);
		return data;
	}

	/** A WebSocket message larger than the largest payload allowed. */
	static final class PayloadTooLargeException extends IllegalStateException {

		PayloadTooLargeException() {
			super("Payload too large");
		}

	}

}
