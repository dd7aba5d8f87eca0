package dev.realtime.engine;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EngineCodecTests {

	@Test
	void decodesEachPacketType() {
		for (int type = EngineCodec.OPEN; type <= EngineCodec.NOOP; type++) {
			EnginePacket packet = EngineCodec.decodePacket(String.valueOf(type));
			assertThat(packet.type()).isEqualTo(type);
			assertThat(packet.text()).isEmpty();
			assertThat(packet.isBinary()).isFalse();
		}
	}

	@Test
	void decodesTextMessageAndProbe() {
		assertThat(EngineCodec.decodePacket("4hello €")).isEqualTo(new EnginePacket(4, "hello €", null));
		assertThat(EngineCodec.decodePacket("2probe").text()).isEqualTo("probe");
	}

	@Test
	void decodesBase64BinaryMessage() {
		EnginePacket packet = EngineCodec.decodePacket("bAQIDBA==");
		assertThat(packet.type()).isEqualTo(EngineCodec.MESSAGE);
		assertThat(packet.data()).containsExactly(1, 2, 3, 4);
		assertThat(EngineCodec.decodePacket("b").data()).isEmpty();
	}

	@Test
	void decodesBase64WithTheLineBreakTheJavaClientAppends() {
		assertThat(EngineCodec.decodePacket("bAQIDBA==\n").data()).containsExactly(1, 2, 3, 4);
	}

	@Test
	void decodesPayloadWithRecordSeparator() {
		List<EnginePacket> packets = EngineCodec.decodePayload("4test1\u001e4test2\u001ebAQIDBA==\u001e3");
		assertThat(packets).extracting(EnginePacket::type).containsExactly(4, 4, 4, 3);
		assertThat(packets.get(1).text()).isEqualTo("test2");
		assertThat(packets.get(2).data()).containsExactly(1, 2, 3, 4);
	}

	@Test
	void decodesSinglePacketPayload() {
		assertThat(EngineCodec.decodePayload("4hello")).containsExactly(new EnginePacket(4, "hello", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "7", "9x", "/", "4a\u001e", "\u001e4a", "4a\u001e\u001e4b", "bAQI=D",
			"4ok\u001exyz" })
	void rejectsMalformedPayload(String payload) {
		assertThatIllegalArgumentException().isThrownBy(() -> EngineCodec.decodePayload(payload));
	}

	@Test
	void encodesPayload() {
		List<EngineFrame> frames = List.of(EngineMessage.text("test1"), EngineMessage.binary(new byte[] { 1, 2, 3, 4 }),
				ControlFrame.PING);
		assertThat(EngineCodec.encodePayload(frames)).isEqualTo("4test1\u001ebAQIDBA==\u001e2");
		assertThat(EngineCodec.encodePayload(List.of(ControlFrame.NOOP))).isEqualTo("6");
	}

	@Test
	void encodesOpenPacket() {
		assertThat(ControlFrame.open("{\"sid\":\"x\"}").pollingFrame()).isEqualTo("0{\"sid\":\"x\"}");
	}

	@Test
	void encodesWebSocketFramesOnce() {
		EngineMessage message = EngineMessage.text("hi");
		assertThat(message.webSocketFrame()).containsExactly(0x81, 3, '4', 'h', 'i');
		assertThat(message.webSocketFrame()).isSameAs(message.webSocketFrame());
		EngineMessage binary = EngineMessage.binary(new byte[] { 7 });
		assertThat(binary.webSocketFrame()).containsExactly(0x82, 1, 7);
	}

}
