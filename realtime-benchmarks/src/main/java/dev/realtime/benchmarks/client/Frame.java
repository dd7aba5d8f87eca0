package dev.realtime.benchmarks.client;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A text frame encoded once and sent any number of times without being encoded again.
 */
public final class Frame {

	private final ByteBuf content;

	private Frame(ByteBuf content) {
		this.content = content;
	}

	public static Frame of(String text) {
		return new Frame(Unpooled.unreleasableBuffer(
				Unpooled.directBuffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)).asReadOnly()));
	}

	ByteBuf content() {
		return this.content.duplicate();
	}

}
