package dev.realtime.protocol;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes binary data as a Socket.IO placeholder, {@code {"_placeholder":true,"num":N}}, and appends the bytes to the
 * attachment list that the caller passed as the {@link #ATTACHMENTS} writer attribute. Being a serializer, it finds
 * binary wherever the mapper goes: in collections, maps, arrays and bean properties alike.
 *
 * @param <T> the binary type
 */
final class AttachmentSerializer<T> extends StdSerializer<T> {

	/** Key of the writer attribute that holds the {@code List<byte[]>} collecting the attachments of one packet. */
	static final Object ATTACHMENTS = AttachmentSerializer.class;

	private final Function<T, byte[]> toBytes;

	private AttachmentSerializer(Class<T> type, Function<T, byte[]> toBytes) {
		super(type);
		this.toBytes = toBytes;
	}

	/** A module that turns {@code byte[]} and {@link ByteBuffer} values into attachments. */
	static JacksonModule module() {
		return new SimpleModule("SocketIoAttachments")
			.addSerializer(byte[].class, new AttachmentSerializer<>(byte[].class, Function.identity()))
			.addSerializer(ByteBuffer.class, new AttachmentSerializer<>(ByteBuffer.class, AttachmentSerializer::remaining));
	}

	@Override
	public void serialize(T value, JsonGenerator generator, SerializationContext context) {
		@SuppressWarnings("unchecked")
		List<byte[]> attachments = (List<byte[]>) context.getAttribute(ATTACHMENTS);
		generator.writeStartObject();
		generator.writeBooleanProperty("_placeholder", true);
		generator.writeNumberProperty("num", attachments.size());
		generator.writeEndObject();
		attachments.add(this.toBytes.apply(value));
	}

	private static byte[] remaining(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		// a duplicate leaves the caller's position untouched
		buffer.duplicate().get(bytes);
		return bytes;
	}

}
