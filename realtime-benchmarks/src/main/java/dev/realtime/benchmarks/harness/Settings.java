package dev.realtime.benchmarks.harness;

import java.time.Duration;
import java.util.Locale;

import org.springframework.util.unit.DataSize;

/**
 * Counts and durations of one benchmark run.
 *
 * @param name the profile name: smoke, quick or full
 * @param runs how many times each throughput scenario runs on each server
 * @param warmUp load before each measurement window, not measured
 * @param measure length of each measurement window
 * @param ackClients clients of the ack scenario, each with one ack in flight
 * @param fanoutSockets sockets in the broadcast room
 * @param fanoutInFlight broadcasts the emitter keeps in flight
 * @param stormConnections connections opened by the connect storm
 * @param concurrency connections opened at once
 * @param idleConnections idle connections held for the memory scenario
 * @param sourceAddresses loopback source addresses the generator connects from
 * @param scaleConnections idle connections the scale scenario asks for at most
 * @param slowConsumerClients healthy clients beside the one that stops reading
 * @param slowConsumerRate broadcasts per second in the slow-consumer scenario
 * @param slowConsumerDuration how long it broadcasts after its warm-up
 * @param slowConsumerBound the servers' {@code realtime.max-buffered-bytes} in that scenario
 */
public record Settings(String name, int runs, Duration warmUp, Duration measure, int ackClients, int fanoutSockets,
		int fanoutInFlight, int stormConnections, int concurrency, int idleConnections,
		int sourceAddresses, int scaleConnections, int slowConsumerClients, int slowConsumerRate,
		Duration slowConsumerDuration, DataSize slowConsumerBound) {

	/** Small enough for CI: proves each scenario completes on each server, measures nothing worth keeping. */
	public static final Settings SMOKE = new Settings("smoke", 1, Duration.ofMillis(500), Duration.ofSeconds(1), 10,
			20, 2, 20, 10, 20, 2, 30, 10, 2_000, Duration.ofSeconds(2), DataSize.ofKilobytes(256));

	/** A first look in a few minutes. */
	public static final Settings QUICK = new Settings("quick", 3, Duration.ofSeconds(3), Duration.ofSeconds(5), 100,
			1_000, 4, 2_000, 100, 2_000, 8, 12_000, 200, 200, Duration.ofSeconds(30), DataSize.ofMegabytes(2));

	/** The counts of the published table. */
	public static final Settings FULL = new Settings("full", 5, Duration.ofSeconds(10), Duration.ofSeconds(15), 100,
			1_000, 4, 2_000, 100, 10_000, 16, 25_000, 200, 200, Duration.ofSeconds(30), DataSize.ofMegabytes(2));

	public static Settings named(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "smoke" -> SMOKE;
			case "quick" -> QUICK;
			case "full" -> FULL;
			default -> throw new IllegalArgumentException("Unknown profile " + name + ": smoke, quick or full");
		};
	}

}
