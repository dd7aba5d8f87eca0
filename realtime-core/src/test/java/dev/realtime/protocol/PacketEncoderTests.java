package dev.realtime.protocol;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PacketEncoderTests {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final PacketEncoder encoder = new PacketEncoder(this.mapper);

	@Test
	void connectWithoutData() {
		assertThat(text(new Packet(PacketType.CONNECT, "/", null, null))).isEqualTo("0");
	}

	@Test
	void connectWithDataInNamespace() {
		Packet packet = new Packet(PacketType.CONNECT, "/chat", null, Map.of("sid", "abc"));
		assertThat(text(packet)).isEqualTo("0/chat,{\"sid\":\"abc\"}");
	}

	@Test
	void disconnect() {
		assertThat(text(new Packet(PacketType.DISCONNECT, "/", null, null))).isEqualTo("1");
		assertThat(text(new Packet(PacketType.DISCONNECT, "/chat", null, null))).isEqualTo("1/chat,");
	}

	@Test
	void event() {
		assertThat(text(Packet.event("/", null, List.of("hello", 1)))).isEqualTo("2[\"hello\",1]");
	}

	@Test
	void eventWithAckId() {
		assertThat(text(Packet.event("/", 1L, List.of("a")))).isEqualTo("21[\"a\"]");
	}

	@Test
	void eventWithNamespaceAndAckId() {
		assertThat(text(Packet.event("/chat", 3L, List.of("x")))).isEqualTo("2/chat,3[\"x\"]");
	}

	@Test
	void eventWithLargestAckId() {
		assertThat(text(Packet.event("/", Long.MAX_VALUE, List.of("x"))))
			.isEqualTo("2" + Long.MAX_VALUE + "[\"x\"]");
	}

	@Test
	void ack() {
		assertThat(text(Packet.ack("/nsp", 5, List.of("ok")))).isEqualTo("3/nsp,5[\"ok\"]");
		assertThat(text(Packet.ack("/", 0, List.of()))).isEqualTo("30[]");
	}

	@Test
	void connectError() {
		Packet packet = new Packet(PacketType.CONNECT_ERROR, "/", null, Map.of("message", "Invalid namespace"));
		assertThat(text(packet)).isEqualTo("4{\"message\":\"Invalid namespace\"}");
	}

	@Test
	void binaryEvent() {
		byte[] file = { 1, 2, 3 };
		EncodedPacket encoded = this.encoder.encode(Packet.event("/", null, List.of("file", file)));
		assertThat(encoded.text()).isEqualTo("51-[\"file\",{\"_placeholder\":true,\"num\":0}]");
		assertThat(encoded.attachments()).containsExactly(file);
	}

	@Test
	void binaryAckWithNamespaceAndId() {
		byte[] file = { 4 };
		EncodedPacket encoded = this.encoder.encode(Packet.ack("/nsp", 7, List.of(file)));
		assertThat(encoded.text()).isEqualTo("61-/nsp,7[{\"_placeholder\":true,\"num\":0}]");
		assertThat(encoded.attachments()).containsExactly(file);
	}

	@Test
	void binaryInNestedPlacesIsNumberedInOrder() {
		byte[] first = { 1 };
		byte[] second = { 2 };
		byte[] third = { 3 };
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("list", List.of(second));
		List<Object> data = List.of("multi", first, map, new Upload(third, "c.bin"));
		EncodedPacket encoded = this.encoder.encode(Packet.event("/", null, data));
		assertThat(encoded.text()).isEqualTo("53-[\"multi\",{\"_placeholder\":true,\"num\":0},"
				+ "{\"list\":[{\"_placeholder\":true,\"num\":1}]},"
				+ "{\"content\":{\"_placeholder\":true,\"num\":2},\"name\":\"c.bin\"}]");
		assertThat(encoded.attachments()).containsExactly(first, second, third);
	}

	@Test
	void binaryInArray() {
		byte[] file = { 9 };
		EncodedPacket encoded = this.encoder.encode(Packet.event("/", null, List.of("a", new Object[] { file })));
		assertThat(encoded.text()).isEqualTo("51-[\"a\",[{\"_placeholder\":true,\"num\":0}]]");
	}

	@Test
	void byteBufferBecomesAttachmentWithoutMovingItsPosition() {
		ByteBuffer buffer = ByteBuffer.wrap(new byte[] { 0, 1, 2, 3 });
		buffer.position(1);
		EncodedPacket encoded = this.encoder.encode(Packet.event("/", null, List.of("b", buffer)));
		assertThat(encoded.text()).isEqualTo("51-[\"b\",{\"_placeholder\":true,\"num\":0}]");
		assertThat(encoded.attachments()).singleElement().isEqualTo(new byte[] { 1, 2, 3 });
		assertThat(buffer.position()).isEqualTo(1);
	}

	@Test
	void beanWithoutBinaryStaysPlainEvent() {
		EncodedPacket encoded = this.encoder.encode(Packet.event("/", null, List.of("u", new Named("x"))));
		assertThat(encoded.text()).isEqualTo("2[\"u\",{\"name\":\"x\"}]");
		assertThat(encoded.hasAttachments()).isFalse();
	}

	@Test
	void binaryTypeWithoutBinaryIsSentAsPlainType() {
		Packet packet = new Packet(PacketType.BINARY_EVENT, "/", null, List.of("plain"));
		assertThat(text(packet)).isEqualTo("2[\"plain\"]");
	}

	@Test
	void binaryOutsideEventAndAckIsRejected() {
		Packet packet = new Packet(PacketType.CONNECT, "/", null, Map.of("key", new byte[] { 1 }));
		assertThatIllegalArgumentException().isThrownBy(() -> this.encoder.encode(packet))
			.withMessageContaining("CONNECT packets cannot carry binary data");
	}

	@Test
	void integersStayIntegers() {
		List<Object> data = List.of("n", 1, 2L, new BigInteger("99999999999999999999"), 1.5);
		assertThat(text(Packet.event("/", null, data))).isEqualTo("2[\"n\",1,2,99999999999999999999,1.5]");
	}

	@Test
	void keyOrderIsKept() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("z", 1);
		map.put("a", 2);
		map.put("m", 3);
		assertThat(text(Packet.event("/", null, List.of("k", map)))).isEqualTo("2[\"k\",{\"z\":1,\"a\":2,\"m\":3}]");
	}

	@Test
	void unicodeAndEscapes() {
		assertThat(text(Packet.event("/ü", null, List.of("é😀", "quote\"\n"))))
			.isEqualTo("2/ü,[\"é😀\",\"quote\\\"\\n\"]");
	}

	@Test
	void jsonNode() {
		ObjectNode node = this.mapper.createObjectNode().put("b", 1).put("a", true);
		assertThat(text(Packet.event("/", null, List.of("node", node)))).isEqualTo("2[\"node\",{\"b\":1,\"a\":true}]");
	}

	@Test
	void nullElements() {
		assertThat(text(Packet.event("/", null, Arrays.asList("n", null)))).isEqualTo("2[\"n\",null]");
	}

	@Test
	void mapperConfigurationIsHonoured() {
		JsonMapper snakeCase = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.build();
		Packet packet = Packet.event("/", null, List.of("e", new Upload(new byte[] { 1 }, "n"), new Camel(1)));
		assertThat(new PacketEncoder(snakeCase).encode(packet).text())
			.isEqualTo("51-[\"e\",{\"content\":{\"_placeholder\":true,\"num\":0},\"name\":\"n\"},{\"camel_case\":1}]");
	}

	@Test
	void attachmentsOfOnePacketDoNotLeakIntoTheNext() {
		this.encoder.encode(Packet.event("/", null, List.of("a", new byte[] { 1 })));
		EncodedPacket second = this.encoder.encode(Packet.event("/", null, new ArrayList<>(List.of("b", new byte[] { 2 }))));
		assertThat(second.text()).startsWith("51-");
		assertThat(second.attachments()).singleElement().isEqualTo(new byte[] { 2 });
	}

	private String text(Packet packet) {
		EncodedPacket encoded = this.encoder.encode(packet);
		assertThat(encoded.attachments()).isEmpty();
		return encoded.text();
	}

	record Upload(byte[] content, String name) {
	}

	record Named(String name) {
	}

	record Camel(int camelCase) {
	}

}
