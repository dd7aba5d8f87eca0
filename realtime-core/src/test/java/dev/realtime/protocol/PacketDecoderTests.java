package dev.realtime.protocol;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PacketDecoderTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final PacketDecoder decoder = new PacketDecoder(mapper);

	@Test
	void connect() {
		assertThat(this.decoder.decodeText("0")).isEqualTo(new Packet(PacketType.CONNECT, "/", null, null));
	}

	@Test
	void connectWithAuthInNamespace() {
		assertThat(this.decoder.decodeText("0/custom,{\"token\":\"abc\"}"))
			.isEqualTo(new Packet(PacketType.CONNECT, "/custom", null, Map.of("token", "abc")));
	}

	@Test
	void namespaceWithoutComma() {
		assertThat(this.decoder.decodeText("0/random")).isEqualTo(new Packet(PacketType.CONNECT, "/random", null, null));
	}

	@Test
	void disconnect() {
		assertThat(this.decoder.decodeText("1/custom,"))
			.isEqualTo(new Packet(PacketType.DISCONNECT, "/custom", null, null));
	}

	@Test
	void event() {
		assertThat(this.decoder.decodeText("2[\"message\",1,\"2\",{\"3\":[true]}]"))
			.isEqualTo(Packet.event("/", null, List.of("message", 1, "2", Map.of("3", List.of(true)))));
	}

	@Test
	void eventWithNumericName() {
		assertThat(this.decoder.decodeText("2[1,\"x\"]")).isEqualTo(Packet.event("/", null, List.of(1, "x")));
	}

	@Test
	void eventWithNamespaceAndAckId() {
		assertThat(this.decoder.decodeText("2/chat,456[\"a\"]")).isEqualTo(Packet.event("/chat", 456L, List.of("a")));
	}

	@Test
	void ack() {
		assertThat(this.decoder.decodeText("3456[1,\"2\"]")).isEqualTo(Packet.ack("/", 456, List.of(1, "2")));
	}

	@Test
	void connectErrorAsObjectOrString() {
		assertThat(this.decoder.decodeText("4{\"message\":\"no\"}"))
			.isEqualTo(new Packet(PacketType.CONNECT_ERROR, "/", null, Map.of("message", "no")));
		assertThat(this.decoder.decodeText("4\"no\"")).isEqualTo(new Packet(PacketType.CONNECT_ERROR, "/", null, "no"));
	}

	@Test
	void binaryEventWaitsForItsAttachments() {
		byte[] first = { 1, 2, 3 };
		byte[] second = { 4, 5, 6 };
		assertThat(this.decoder
			.decodeText("52-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]")).isNull();
		assertThat(this.decoder.decodeBinary(first)).isNull();
		assertThat(this.decoder.decodeBinary(second))
			.isEqualTo(Packet.event("/", null, List.of("message", first, second)));
	}

	@Test
	void binaryAckWithNestedPlaceholders() {
		byte[] first = { 1 };
		byte[] second = { 2 };
		assertThat(this.decoder
			.decodeText("62-/nsp,789[{\"a\":[{\"_placeholder\":true,\"num\":1}]},{\"_placeholder\":true,\"num\":0}]"))
			.isNull();
		this.decoder.decodeBinary(first);
		assertThat(this.decoder.decodeBinary(second))
			.isEqualTo(Packet.ack("/nsp", 789, List.of(Map.of("a", List.of(second)), first)));
	}

	@Test
	void binaryEventWithoutAttachmentsIsCompleteAtOnce() {
		assertThat(this.decoder.decodeText("50-[\"empty\"]")).isEqualTo(Packet.event("/", null, List.of("empty")));
	}

	@Test
	void decodesTextAgainAfterABinaryPacket() {
		this.decoder.decodeText("51-[\"b\",{\"_placeholder\":true,\"num\":0}]");
		this.decoder.decodeBinary(new byte[] { 1 });
		assertThat(this.decoder.decodeText("2[\"next\"]")).isEqualTo(Packet.event("/", null, List.of("next")));
	}

	@Test
	void placeholderInPlainEventIsAnOrdinaryObject() {
		Packet packet = this.decoder.decodeText("2[\"p\",{\"_placeholder\":true,\"num\":0}]");
		assertThat(packet.data()).isEqualTo(List.of("p", Map.of("_placeholder", true, "num", 0)));
	}

	@Test
	void numbersKeepTheirKind() {
		Packet packet = this.decoder.decodeText("2[\"n\",1,2147483648,99999999999999999999,1.5,1.0]");
		// equals tells Integer, Long and BigInteger apart
		assertThat(packet.data()).asInstanceOf(InstanceOfAssertFactories.LIST)
			.containsExactly("n", 1, 2147483648L, new BigInteger("99999999999999999999"), 1.5, 1.0);
	}

	@Test
	void keyOrderIsKept() {
		Packet packet = this.decoder.decodeText("2[\"k\",{\"z\":1,\"a\":2,\"m\":3}]");
		assertThat(((List<?>) packet.data()).get(1)).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
			.containsExactly(Map.entry("z", 1), Map.entry("a", 2), Map.entry("m", 3));
	}

	@Test
	void unicode() {
		assertThat(this.decoder.decodeText("2/ü,[\"é😀\",\"\\u00e9\\n\"]"))
			.isEqualTo(Packet.event("/ü", null, List.of("é😀", "é\n")));
	}

	@Test
	void whitespaceAroundPayloadIsJson() {
		assertThat(this.decoder.decodeText("2 [\"a\"] ")).isEqualTo(Packet.event("/", null, List.of("a")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformedPackets")
	void malformedPacketIsRefused(String text, String message) {
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.decoder.decodeText(text))
			.withMessageContaining(message);
	}

	static Stream<Arguments> malformedPackets() {
		return Stream.of(
				arguments("", "Empty packet"),
				arguments("abc", "Unknown packet type 'a'"),
				arguments("7[\"a\"]", "Unknown packet type '7'"),
				arguments("5-[\"a\"]", "must start with its attachment count"),
				arguments("51[\"a\"]", "must start with its attachment count"),
				arguments("5a-[\"a\"]", "must start with its attachment count"),
				arguments("51", "must start with its attachment count"),
				arguments("611-[]", "more than the limit of 10"),
				arguments("599999999999-[\"a\"]", "more than the limit of 10"),
				arguments("2[\"a\"", "Invalid JSON payload"),
				arguments("2abc[\"message\"]", "Invalid JSON payload"),
				arguments("2[\"a\"]x", "Invalid JSON payload"),
				arguments("2[\"a\"][\"b\"]", "Unexpected data after the JSON payload"),
				arguments("2 ", "Missing JSON payload"),
				arguments("0[]", "CONNECT payload must be an object"),
				arguments("0\"token\"", "CONNECT payload must be an object"),
				arguments("0null", "CONNECT payload must be an object"),
				arguments("1{}", "DISCONNECT payload must be absent"),
				arguments("1/chat,null", "DISCONNECT payload must be absent"),
				arguments("4[\"x\"]", "CONNECT_ERROR payload must be a string or an object"),
				arguments("4", "CONNECT_ERROR payload must be a string or an object"),
				arguments("2{}", "EVENT payload must be an array"),
				arguments("2\"message\"", "EVENT payload must be an array"),
				arguments("2[]", "EVENT payload must be an array that starts with the event name"),
				arguments("2", "EVENT payload must be an array"),
				arguments("2[true]", "Event name must be a string or a number"),
				arguments("2[{}]", "Event name must be a string or a number"),
				arguments("2[\"connect\"]", "Event name 'connect' is reserved"),
				arguments("2[\"connect_error\"]", "Event name 'connect_error' is reserved"),
				arguments("2[\"disconnect\"]", "Event name 'disconnect' is reserved"),
				arguments("2[\"disconnecting\"]", "Event name 'disconnecting' is reserved"),
				arguments("2[\"newListener\"]", "Event name 'newListener' is reserved"),
				arguments("2[\"removeListener\"]", "Event name 'removeListener' is reserved"),
				arguments("51-{\"a\":1}", "BINARY_EVENT payload must be an array"),
				arguments("51-[{\"_placeholder\":true,\"num\":0}]", "Event name must be a string or a number"),
				arguments("31{}", "ACK payload must be an array"),
				arguments("3[]", "ACK packet must carry an ack id"),
				arguments("61-1{}", "BINARY_ACK payload must be an array"),
				arguments("299999999999999999999[\"a\"]", "Ack id 99999999999999999999 does not fit a long"),
				arguments("51-[\"a\",{\"_placeholder\":true,\"num\":1}]", "Placeholder num 1"),
				arguments("51-[\"a\",{\"_placeholder\":true,\"num\":-1}]", "Placeholder num -1"),
				arguments("51-[\"a\",{\"_placeholder\":true,\"num\":\"0\"}]", "Placeholder num 0"),
				arguments("51-[\"a\",{\"_placeholder\":true,\"num\":0.0}]", "Placeholder num 0.0"),
				arguments("51-[\"a\",{\"_placeholder\":true}]", "Placeholder num null"),
				arguments("50-[\"a\",{\"_placeholder\":true,\"num\":0}]", "packet's 0 attachments"));
	}

	@Test
	void attachmentLimitIsConfigurable() {
		PacketDecoder strict = new PacketDecoder(mapper, 1);
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> strict.decodeText("52-[\"a\"]"))
			.withMessage("Binary packet announces 2 attachments, more than the limit of 1");
	}

	@Test
	void binaryMessageWithoutPendingPacketIsRefused() {
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.decoder.decodeBinary(new byte[] { 1 }))
			.withMessage("Received a binary message while no binary packet awaits attachments");
	}

	@Test
	void binaryMessageAfterCompletedPacketIsRefused() {
		this.decoder.decodeText("51-[\"b\",{\"_placeholder\":true,\"num\":0}]");
		this.decoder.decodeBinary(new byte[] { 1 });
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.decoder.decodeBinary(new byte[] { 2 }))
			.withMessageContaining("no binary packet awaits attachments");
	}

	@Test
	void textWhileAttachmentsArePendingIsRefused() {
		this.decoder.decodeText("52-[\"b\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
		this.decoder.decodeBinary(new byte[] { 1 });
		assertThatExceptionOfType(ProtocolException.class).isThrownBy(() -> this.decoder.decodeText("2[\"a\"]"))
			.withMessage("Received a text packet while 1 binary attachment(s) are still expected");
	}

}
