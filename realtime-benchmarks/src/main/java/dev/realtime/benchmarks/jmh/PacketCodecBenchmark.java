package dev.realtime.benchmarks.jmh;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.protocol.EncodedPacket;
import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketDecoder;
import dev.realtime.protocol.PacketEncoder;

/**
 * The Socket.IO codec: an event with an ack id and a small JSON object, and the ack that answers it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PacketCodecBenchmark {

	private final JsonMapper mapper = new JsonMapper();

	private final PacketEncoder encoder = new PacketEncoder(this.mapper);

	private final PacketDecoder decoder = new PacketDecoder(this.mapper);

	private final Packet event = Packet.event("/", 12L,
			List.of("message", Map.of("room", "lobby", "text", "Hello")));

	private final Packet ack = Packet.ack("/", 12L, List.of(Map.of("id", "42", "timestamp", 1_700_000_000_000L)));

	private final String encodedEvent = this.encoder.encode(this.event).text();

	@Benchmark
	public EncodedPacket encodeEvent() {
		return this.encoder.encode(this.event);
	}

	@Benchmark
	public EncodedPacket encodeAck() {
		return this.encoder.encode(this.ack);
	}

	@Benchmark
	public Packet decodeEvent() {
		return this.decoder.decodeText(this.encodedEvent);
	}

}
