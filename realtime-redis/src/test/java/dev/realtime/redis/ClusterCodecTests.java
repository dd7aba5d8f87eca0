package dev.realtime.redis;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketType;
import dev.realtime.redis.ClusterCodec.Broadcast;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterCodecTests {

	private final ClusterCodec codec = new ClusterCodec(new JsonMapper());

	@Test
	@SuppressWarnings("unchecked")
	void broadcastRoundTripsWithBinaryAndOptions() {
		byte[] bytes = { 1, 2 };
		Packet packet = Packet.event("/chat", null, List.of("event", bytes, Map.of("n", 1, "big", 1L << 40, "x", 1.5)));
		byte[] message = this.codec.broadcast("abc123", packet,
				new BroadcastOptions(Set.of("room"), Set.of("other"), false, "sender-id"), Map.of());
		Broadcast broadcast = this.codec.decodeBroadcast(message);
		assertThat(broadcast.uid()).isEqualTo("abc123");
		assertThat(broadcast.packet().namespace()).isEqualTo("/chat");
		assertThat(broadcast.packet().type()).isEqualTo(PacketType.EVENT);
		List<?> data = (List<?>) broadcast.packet().data();
		assertThat((byte[]) data.get(1)).containsExactly(bytes);
		assertThat((Map<Object, Object>) data.get(2)).containsEntry("n", 1).containsEntry("big", 1L << 40).containsEntry("x", 1.5);
		assertThat(broadcast.options().rooms()).containsExactly("room");
		assertThat(broadcast.options().except()).containsExactly("other");
		assertThat(broadcast.options().sender()).isEqualTo("sender-id");
		assertThat(broadcast.options().local()).isTrue();
	}

	@Test
	@SuppressWarnings("unchecked")
	void binaryEventTypeAndMissingNamespaceAreReadAsNodeWritesThem() {
		// [ "uid", {type: 5, data: ["e"]}, {rooms: [], except: [], flags: {}} ] with notepack's undefined (d4 00 00)
		byte[] message = { (byte) 0x93, (byte) 0xa3, 'u', 'i', 'd', (byte) 0x82, (byte) 0xa4, 't', 'y', 'p', 'e', 5,
				(byte) 0xa4, 'd', 'a', 't', 'a', (byte) 0x92, (byte) 0xa1, 'e', (byte) 0xd4, 0, 0, (byte) 0x83,
				(byte) 0xa5, 'r', 'o', 'o', 'm', 's', (byte) 0x90, (byte) 0xa6, 'e', 'x', 'c', 'e', 'p', 't', (byte) 0x90,
				(byte) 0xa5, 'f', 'l', 'a', 'g', 's', (byte) 0x80 };
		Broadcast broadcast = this.codec.decodeBroadcast(message);
		assertThat(broadcast.packet().type()).isEqualTo(PacketType.EVENT);
		assertThat(broadcast.packet().namespace()).isEqualTo("/");
		assertThat((List<Object>) broadcast.packet().data()).containsExactly("e", null);
	}

	@Test
	void requestsAreReadAsJsonOrMessagePack() {
		Map<String, Object> request = Map.of("uid", "abc", "type", 5);
		assertThat(this.codec.decodeMap(this.codec.json(request))).isEqualTo(request);
		assertThat(this.codec.decodeMap(this.codec.messagePack(request))).isEqualTo(request);
		assertThat(new String(this.codec.json(request))).startsWith("{");
	}

}
