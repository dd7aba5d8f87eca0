package dev.realtime.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Encodes packets of every type, namespace and ack id combination and decodes them back. */
class PacketCodecRoundTripTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final PacketEncoder encoder = new PacketEncoder(mapper);

	private final PacketDecoder decoder = new PacketDecoder(mapper);

	@ParameterizedTest
	@MethodSource("packets")
	void roundTrip(Packet packet) {
		EncodedPacket encoded = this.encoder.encode(packet);
		Packet decoded = this.decoder.decodeText(encoded.text());
		for (byte[] attachment : encoded.attachments()) {
			assertThat(decoded).isNull();
			decoded = this.decoder.decodeBinary(attachment);
		}
		assertThat(decoded).isEqualTo(packet);
	}

	static Stream<Packet> packets() {
		List<Packet> packets = new ArrayList<>();
		for (String namespace : List.of("/", "/chat", "/a-b_c/d")) {
			packets.add(new Packet(PacketType.CONNECT, namespace, null, null));
			packets.add(new Packet(PacketType.CONNECT, namespace, null, Map.of("token", "t")));
			packets.add(new Packet(PacketType.DISCONNECT, namespace, null, null));
			packets.add(new Packet(PacketType.CONNECT_ERROR, namespace, null, Map.of("message", "no", "data", 1)));
			for (Long id : new Long[] { null, 0L, 7L, Long.MAX_VALUE }) {
				packets.add(Packet.event(namespace, id, List.of("hello", 1, "é😀", nested())));
				packets.add(Packet.event(namespace, id, List.of("file", new byte[] { 1, 2 }, List.of(new byte[0]))));
				if (id != null) {
					packets.add(Packet.ack(namespace, id, List.of()));
					packets.add(Packet.ack(namespace, id, List.of(Map.of("bin", new byte[] { 3 }))));
				}
			}
		}
		return packets.stream();
	}

	private static Map<String, Object> nested() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("z", List.of(true, false, 1.5, 2147483648L));
		map.put("a", new LinkedHashMap<>(Map.of("deep", List.of(List.of("x")))));
		return map;
	}

}
