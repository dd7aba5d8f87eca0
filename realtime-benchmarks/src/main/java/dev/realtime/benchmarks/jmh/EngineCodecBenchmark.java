package dev.realtime.benchmarks.jmh;

import java.util.List;
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

import dev.realtime.engine.EngineCodec;
import dev.realtime.engine.EngineMessage;
import dev.realtime.engine.EnginePacket;

/**
 * The Engine.IO codec: a WebSocket frame decoded, a polling payload of several messages encoded and decoded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineCodecBenchmark {

	private static final String FRAME = "42[\"message\",{\"room\":\"lobby\",\"text\":\"Hello\"}]";

	private final List<EngineMessage> messages = List.of(EngineMessage.text(FRAME.substring(1)),
			EngineMessage.text("2[\"tick\",1]"), EngineMessage.text("2[\"tick\",2]"));

	private final String payload = EngineCodec.encodePayload(this.messages);

	@Benchmark
	public EnginePacket decodeFrame() {
		return EngineCodec.decodePacket(FRAME);
	}

	@Benchmark
	public String encodePayload() {
		return EngineCodec.encodePayload(this.messages);
	}

	@Benchmark
	public List<EnginePacket> decodePayload() {
		return EngineCodec.decodePayload(this.payload);
	}

}
