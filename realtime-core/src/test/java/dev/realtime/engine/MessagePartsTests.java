package dev.realtime.engine;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagePartsTests {

	private final MessageParts parts = new MessageParts(10);

	@Test
	void passesWholeMessagesThrough() {
		assertThat(this.parts.text("4hello", true)).isEqualTo("4hello");
		assertThat(this.parts.binary(ByteBuffer.wrap(new byte[] { 1, 2 }), true)).containsExactly(1, 2);
	}

	@Test
	void joinsPartsUntilTheLast() {
		assertThat(this.parts.text("4he", false)).isNull();
		assertThat(this.parts.text("ll", false)).isNull();
		assertThat(this.parts.text("o", true)).isEqualTo("4hello");
		assertThat(this.parts.binary(ByteBuffer.wrap(new byte[] { 1 }), false)).isNull();
		assertThat(this.parts.binary(ByteBuffer.wrap(new byte[] { 2, 3 }), true)).containsExactly(1, 2, 3);
		assertThat(this.parts.text("4next", true)).isEqualTo("4next");
	}

	@Test
	void refusesMessagesLargerThanTheLargestPayload() {
		assertThatThrownBy(() -> this.parts.text("4".repeat(11), true)).hasMessage("Payload too large");
		this.parts.text("4".repeat(6), false);
		assertThatThrownBy(() -> this.parts.text("4".repeat(6), false)).hasMessage("Payload too large");
		assertThat(this.parts.text("4ok", true)).isEqualTo("4ok");
		assertThatThrownBy(() -> this.parts.binary(ByteBuffer.allocate(11), true)).hasMessage("Payload too large");
	}

}
