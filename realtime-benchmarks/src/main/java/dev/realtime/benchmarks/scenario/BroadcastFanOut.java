package dev.realtime.benchmarks.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.realtime.benchmarks.client.Connection;
import dev.realtime.benchmarks.client.Dialect;
import dev.realtime.benchmarks.client.FrameListener;
import dev.realtime.benchmarks.harness.ServerKind;
import dev.realtime.benchmarks.harness.Settings;
import dev.realtime.benchmarks.measure.Latencies;
import dev.realtime.benchmarks.measure.Window;

/**
 * Scenario 2: sockets in one room, one emitter that keeps a few broadcasts in flight and sends the next once every
 * socket received one. Optionally on the namespace whose broadcasts pass an EMIT_OUT middleware.
 */
public final class BroadcastFanOut implements Scenario {

	static final Metric RATE = Metric.higher("deliveries/s");

	static final Metric SERVER_CPU = Metric.lower("server CPU µs per delivery");

	static final Metric P50 = Metric.lower("emit-to-last-delivery p50 µs");

	static final Metric P99 = Metric.lower("emit-to-last-delivery p99 µs");

	private final Settings settings;

	private final String emitOutNamespace;

	private BroadcastFanOut(Settings settings, String emitOutNamespace) {
		this.settings = settings;
		this.emitOutNamespace = emitOutNamespace;
	}

	public static BroadcastFanOut plain(Settings settings) {
		return new BroadcastFanOut(settings, null);
	}

	/** On the Realtime servers' namespace with one EMIT_OUT middleware. */
	public static BroadcastFanOut withEmitOutMiddleware(Settings settings, String namespace) {
		return new BroadcastFanOut(settings, namespace);
	}

	@Override
	public int number() {
		return 2;
	}

	@Override
	public String title() {
		String title = "2. Broadcast fan-out: " + this.settings.fanoutSockets() + " sockets in a room, one emitter, "
				+ this.settings.fanoutInFlight() + " broadcasts in flight";
		return (this.emitOutNamespace != null) ? title + ", one EMIT_OUT middleware" : title;
	}

	@Override
	public boolean appliesTo(ServerKind kind) {
		return this.emitOutNamespace == null || kind.isRealtime();
	}

	@Override
	public Map<Metric, Double> run(Target target) throws Exception {
		Dialect dialect = (this.emitOutNamespace != null) ? Dialect.socketIo(this.emitOutNamespace)
				: target.server().kind().dialect();
		int sockets = this.settings.fanoutSockets();
		Latencies latencies = new Latencies();
		Emissions emissions = new Emissions(dialect, sockets, this.settings.fanoutInFlight(), latencies);
		List<Connection> receivers = Clients.connect(target, dialect, sockets, () -> new Receiver(dialect, emissions));
		List<Connection> emitter = Clients.connect(target, dialect, 1, () -> FrameListener.IGNORE);
		try {
			emissions.awaitJoined(receivers);
			emissions.start(emitter.get(0));
			Thread.sleep(this.settings.warmUp().toMillis());
			Window window = Window.open(target.server().pid());
			emissions.measuring = true;
			Thread.sleep(this.settings.measure().toMillis());
			emissions.measuring = false;
			Window.Elapsed elapsed = window.close();
			emissions.running = false;
			long deliveries = emissions.deliveries();
			if (latencies.count() == 0) {
				throw new IllegalStateException("No broadcast reached every socket in the measurement window");
			}
			Map<Metric, Double> metrics = new LinkedHashMap<>();
			metrics.put(RATE, deliveries / elapsed.seconds());
			metrics.put(SERVER_CPU, elapsed.serverCpuMicrosPer(deliveries));
			metrics.put(P50, latencies.percentileMicros(0.5));
			metrics.put(P99, latencies.percentileMicros(0.99));
			Metric.putLoad(metrics, elapsed);
			return metrics;
		}
		finally {
			Clients.close(emitter);
			Clients.close(receivers);
		}
	}

	/**
	 * The broadcasts in flight: how many sockets each still has to reach and when it was sent. Deliveries reach
	 * each socket in order, so the ones in flight are always the last few sequence numbers.
	 */
	private static final class Emissions {

		private final Dialect dialect;

		private final int sockets;

		private final int inFlight;

		private final Latencies latencies;

		private final int[] remaining;

		private final long[] sentAt;

		private final CompletableFuture<Void> joined = new CompletableFuture<>();

		private int joins;

		private long next;

		private long deliveries;

		private Connection emitter;

		volatile boolean running = true;

		volatile boolean measuring;

		Emissions(Dialect dialect, int sockets, int inFlight, Latencies latencies) {
			this.dialect = dialect;
			this.sockets = sockets;
			this.inFlight = inFlight;
			this.latencies = latencies;
			this.remaining = new int[inFlight];
			this.sentAt = new long[inFlight];
		}

		void awaitJoined(List<Connection> receivers) {
			receivers.forEach((receiver) -> receiver.send(this.dialect.joinRequest()));
			this.joined.orTimeout(30, TimeUnit.SECONDS).join();
		}

		synchronized void onJoined() {
			if (++this.joins == this.sockets) {
				this.joined.complete(null);
			}
		}

		synchronized void start(Connection emitter) {
			this.emitter = emitter;
			for (int index = 0; index < this.inFlight; index++) {
				emit();
			}
		}

		private void emit() {
			int slot = (int) (this.next % this.inFlight);
			this.remaining[slot] = this.sockets;
			this.sentAt[slot] = System.nanoTime();
			this.emitter.send(this.dialect.fanoutRequest(this.next++));
		}

		synchronized void onDelivery(long sequence) {
			if (this.measuring) {
				this.deliveries++;
			}
			int slot = (int) (sequence % this.inFlight);
			if (--this.remaining[slot] == 0) {
				if (this.measuring) {
					this.latencies.add(System.nanoTime() - this.sentAt[slot]);
				}
				if (this.running) {
					emit();
				}
			}
		}

		synchronized long deliveries() {
			return this.deliveries;
		}

	}

	/** One socket of the room. */
	private record Receiver(Dialect dialect, Emissions emissions) implements FrameListener {

		@Override
		public void onFrame(Connection connection, String frame) {
			long sequence = this.dialect.delivery(frame);
			if (sequence >= 0) {
				this.emissions.onDelivery(sequence);
			}
			else if (this.dialect.isJoined(frame)) {
				this.emissions.onJoined();
			}
		}

	}

}
