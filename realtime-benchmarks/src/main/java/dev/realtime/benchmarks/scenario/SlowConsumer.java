package dev.realtime.benchmarks.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.realtime.benchmarks.client.Connection;
import dev.realtime.benchmarks.client.Dialect;
import dev.realtime.benchmarks.client.FrameListener;
import dev.realtime.benchmarks.harness.ServerKind;
import dev.realtime.benchmarks.harness.Settings;
import dev.realtime.benchmarks.measure.Latencies;

/**
 * Scenario 6: healthy clients in a room receive {@value PacedBroadcast#MESSAGE_BYTES}-byte broadcasts at a fixed
 * rate, once alone and once beside one more client that joins the room and then takes nothing: a WebSocket client
 * that stops reading, or a long-polling client that stops polling. Both runs go one after the other on the same
 * server, so the ratio of the healthy clients' p99 latency with and without that client is what it costs them; every
 * healthy client must get every message, in order.
 * <p>
 * The server is started with {@code realtime.max-buffered-bytes} at {@link Settings#slowConsumerBound()} (2MB in
 * the quick and full profiles) instead of the default 16MB: the broadcast queues {@code rate x 2 KB} a second for
 * the client that takes nothing (400 KB/s at 200 a second), so the default would need 40 s, past the 30 s run, before
 * that client is cut, and longer still with what the kernel buffers first. Past the bound the server drops that
 * client alone; whether and when it did is reported, from the server's socket count where the server tells it.
 * Neither it nor the Engine.IO heartbeat (25 s + 20 s) cuts it in time on a server that has no bound. The smoke
 * profile broadcasts ten times faster against 256KB, so that its two seconds outgrow the kernel's buffers too.
 * <p>
 * The server has just started, so a broadcast of the warm-up's length ({@link Settings#warmUp()}), not measured,
 * goes before both runs; each run also warms up that long again, counted for order but not timed.
 */
public final class SlowConsumer implements FreshServerScenario {

	static final Metric P50 = Metric.lower("healthy p50 latency µs");

	static final Metric P99 = Metric.lower("healthy p99 latency µs");

	static final Metric P99_ALONE = Metric.lower("healthy p99 latency µs, without the non-reading client");

	static final Metric P99_RATIO = Metric.lower("healthy p99 with ÷ without it (target ≤ 1.2)");

	static final Metric MAX = Metric.lower("healthy max latency ms");

	static final Metric GAP = Metric.lower("longest gap between two messages ms");

	static final Metric GAP_ALONE = Metric.lower("longest gap between two messages ms, without it");

	static final Metric WRONG = Metric.lower("missing or out-of-order deliveries, both runs (target 0)");

	static final Metric HEAP = Metric.lower("server heap after GC at the end, MB");

	static final Metric HEAP_ALONE = Metric.lower("server heap after GC at the end, MB, without it");

	static final Metric CUT = Metric.lower("non-reading client dropped after, s");

	private static final long DRAIN_SECONDS = 10;

	private final Settings settings;

	private final String nonReader;

	private final Supplier<NonReader> nonReaders;

	private SlowConsumer(Settings settings, String nonReader, Supplier<NonReader> nonReaders) {
		this.settings = settings;
		this.nonReader = nonReader;
		this.nonReaders = nonReaders;
	}

	/** Beside a WebSocket client that stops reading from its socket. */
	public static SlowConsumer webSocket(Settings settings) {
		return new SlowConsumer(settings, "one WebSocket client that stops reading", NonReadingWebSocket::new);
	}

	/** Beside a long-polling client that stops polling. */
	public static SlowConsumer polling(Settings settings) {
		return new SlowConsumer(settings, "one long-polling client that stops polling", NonPollingClient::new);
	}

	@Override
	public int number() {
		return 6;
	}

	@Override
	public String title() {
		return "6. Slow consumer: " + this.settings.slowConsumerClients() + " healthy clients, 2 KB broadcasts at "
				+ this.settings.slowConsumerRate() + "/s for " + this.settings.slowConsumerDuration().toSeconds()
				+ " s, " + this.nonReader + ", " + String.join(", ", serverProperties());
	}

	@Override
	public List<String> serverProperties() {
		long bound = this.settings.slowConsumerBound().toKilobytes();
		return List.of("realtime.max-buffered-bytes=" + ((bound % 1024 == 0) ? bound / 1024 + "MB" : bound + "KB"));
	}

	@Override
	public boolean appliesTo(ServerKind kind) {
		return kind.dialect().engineIo();
	}

	@Override
	public Map<Metric, Double> run(Target target) throws Exception {
		broadcast(target, null, Duration.ZERO);
		Outcome alone = broadcast(target, null, this.settings.slowConsumerDuration());
		Outcome beside;
		try (NonReader nonReader = this.nonReaders.get()) {
			beside = broadcast(target, nonReader, this.settings.slowConsumerDuration());
		}
		Map<Metric, Double> metrics = new LinkedHashMap<>();
		metrics.put(P50, beside.latencies.percentileMicros(0.5));
		metrics.put(P99, beside.latencies.percentileMicros(0.99));
		metrics.put(P99_ALONE, alone.latencies.percentileMicros(0.99));
		metrics.put(P99_RATIO, metrics.get(P99) / metrics.get(P99_ALONE));
		metrics.put(MAX, beside.latencies.percentileMicros(1) / 1e3);
		metrics.put(GAP, beside.longestGapNanos / 1e6);
		metrics.put(GAP_ALONE, alone.longestGapNanos / 1e6);
		metrics.put(WRONG, (double) (alone.wrong + beside.wrong));
		metrics.put(HEAP, beside.heapBytes / 1e6);
		metrics.put(HEAP_ALONE, alone.heapBytes / 1e6);
		if (beside.closedByServer && beside.droppedAfter.isPresent()) {
			metrics.put(CUT, beside.droppedAfter.getAsDouble());
		}
		target.finding(dropFinding(beside));
		return metrics;
	}

	private String dropFinding(Outcome outcome) {
		if (!outcome.closedByServer) {
			return String.format(Locale.ROOT, "the non-reading client was still connected when the broadcast "
					+ "ended, %.0f s after it stopped reading", outcome.stoppedFor / 1e9);
		}
		return outcome.droppedAfter.isPresent()
				? String.format(Locale.ROOT, "the non-reading client was dropped %.1f s after it stopped reading",
						outcome.droppedAfter.getAsDouble())
				: "the non-reading client was dropped by the end of the broadcast (when is unknown: this server "
						+ "does not tell its socket count)";
	}

	/**
	 * One broadcast to the healthy clients, timed for {@code measured} after the warm-up, beside the non-reading
	 * client unless it is null.
	 */
	private Outcome broadcast(Target target, NonReader nonReader, Duration measured) throws Exception {
		Dialect dialect = target.server().kind().dialect();
		long origin = System.nanoTime();
		long firstMeasured = 1 + this.settings.slowConsumerRate() * this.settings.warmUp().toMillis() / 1000;
		Latencies latencies = new Latencies();
		List<Subscriber> subscribers = new ArrayList<>();
		List<Connection> healthy = Clients.connect(target, dialect, this.settings.slowConsumerClients(), () -> {
			Subscriber subscriber = new Subscriber(dialect, origin, firstMeasured, latencies);
			subscribers.add(subscriber);
			return subscriber;
		});
		List<Connection> emitter = Clients.connect(target, dialect, 1, () -> FrameListener.IGNORE);
		try {
			healthy.forEach((connection) -> connection.send(dialect.joinRequest()));
			await(subscribers.stream().map(Subscriber::joined), "join");
			long stoppedAt = System.nanoTime();
			if (nonReader != null) {
				nonReader.joinAndStop(target);
				stoppedAt = System.nanoTime();
			}
			try (SocketCountWatch watch = SocketCountWatch.start(target.server())) {
				PacedBroadcast broadcast = new PacedBroadcast(dialect, emitter.get(0), origin);
				broadcast.sendOne();
				await(subscribers.stream().map(Subscriber::reached), "fanout");
				broadcast.start(this.settings.slowConsumerRate());
				Thread.sleep(this.settings.warmUp().plus(measured).toMillis());
				long last = broadcast.stop();
				awaitDrained(subscribers, last);
				long heap = target.server().heapAfterGc();
				long stoppedFor = System.nanoTime() - stoppedAt;
				boolean closed = nonReader != null && nonReader.closedByServer();
				return new Outcome(latencies, subscribers.stream().mapToLong((s) -> s.wrong(last)).sum(),
						subscribers.stream().mapToLong(Subscriber::longestGapNanos).max().orElse(0), heap, closed,
						watch.droppedAfterSeconds(stoppedAt), stoppedFor);
			}
		}
		finally {
			Clients.close(emitter);
			Clients.close(healthy);
		}
	}

	private static void await(Stream<CompletableFuture<Void>> answers, String event) throws Exception {
		try {
			CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			throw new MissingHandlerException(event);
		}
	}

	/** Waits until every healthy client got the last message, or a while: what did not arrive counts as missing. */
	private static void awaitDrained(List<Subscriber> subscribers, long last) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
		while (System.nanoTime() < deadline && !subscribers.stream().allMatch((s) -> s.passed(last))) {
			Thread.sleep(50);
		}
	}

	/** What one broadcast measured. */
	private record Outcome(Latencies latencies, long wrong, long longestGapNanos, long heapBytes,
			boolean closedByServer, OptionalDouble droppedAfter, long stoppedFor) {
	}

}
