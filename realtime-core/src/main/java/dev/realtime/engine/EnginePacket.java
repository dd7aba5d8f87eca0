package dev.realtime.engine;

import org.jspecify.annotations.Nullable;

/**
 * One decoded inbound Engine.IO packet.
 *
 * @param type the packet type, one of the {@code EngineCodec} type constants
 * @param text the text after the type digit (empty when none), or {@code null} for a binary message
 * @param data the bytes of a binary message, or {@code null}
 */
public record EnginePacket(int type, @Nullable String text, byte @Nullable [] data) {

	static EnginePacket binary(byte[] data) {
		return new EnginePacket(EngineCodec.MESSAGE, null, data);
	}

	public boolean isBinary() {
		return this.data != null;
	}

}
