package dev.realtime.redis;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.protocol.Packet;

import static org.assertj.core.api.Assertions.assertThat;

/** The entries and messages of the Redis Streams adapter, as {@code @socket.io/redis-streams-adapter} writes them. */
class ClusterMessagesTests {

	private final JsonMapper mapper = new JsonMapper();

	private final ClusterMessages messages = new ClusterMessages(this.mapper);

	@Test
	void anEntryCarriesItsDataAsJsonUnlessItHoldsBinaryData() {
		BroadcastOptions options = new BroadcastOptions(Set.of("room"), Set.of(), false, null, true);
		Map<String, String> plain = this.messages.toEntry(broadcast(Packet.event("/", null, List.of("hi", 1)), options));
		assertThat(plain).containsEntry("uid", "node-1").containsEntry("nsp", "/").containsEntry("type", "3");
		assertThat(plain.get("data")).isEqualTo("{\"packet\":{\"type\":2,\"data\":[\"hi\",1],\"nsp\":\"/\"},"
				+ "\"opts\":{\"rooms\":[\"room\"],\"except\":[],\"flags\":{\"volatile\":true}}}");

		byte[] bytes = { 1, 2, 3 };
		Map<String, String> binary = this.messages
			.toEntry(broadcast(Packet.event("/", null, List.of("bytes", bytes)), BroadcastOptions.ALL));
		Base64.getDecoder().decode(binary.get("data"));
		ClusterMessage decoded = this.messages.fromEntry(binary);
		Packet packet = WireValues.packet(decoded.data().get("packet"));
		assertThat((byte[]) ((List<?>) packet.data()).get(1)).containsExactly(bytes);
		assertThat(decoded.type()).isEqualTo(MessageType.BROADCAST);
	}

	@Test
	void pubSubMessagesAreWholeMessagesInMessagePack() {
		ClusterMessage request = new ClusterMessage("node-1", "/chat", MessageType.FETCH_SOCKETS,
				Map.of("requestId", "abc", "opts", Map.of("rooms", List.of(), "except", List.of())));
		ClusterMessage decoded = this.messages.fromPubSub(this.messages.toPubSub(request));
		assertThat(decoded).isEqualTo(request);
		assertThat(this.messages.fromPubSub(new MessagePackValues(this.mapper).write(List.of(1)))).isNull();
	}

	@Test
	void streamIdsAreOrderedByTimeThenSequence() {
		assertThat(List.of("2-0", "10-1", "10-0", "1-5").stream().sorted(StreamIds.ORDER))
			.containsExactly("1-5", "2-0", "10-0", "10-1");
		assertThat(StreamIds.next("1796279054890-0")).isEqualTo("1796279054890-1");
		assertThat(StreamIds.isValid("1796279054890-0")).isTrue();
		assertThat(StreamIds.isValid("hello")).isFalse();
	}

	private static ClusterMessage broadcast(Packet packet, BroadcastOptions options) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("packet", WireValues.packet(packet));
		data.put("opts", WireValues.options(options, Map.of()));
		return new ClusterMessage("node-1", "/", MessageType.BROADCAST, data);
	}

}
