package dev.realtime.benchmarks.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.realtime.benchmarks.client.Connection;
import dev.realtime.benchmarks.client.Dialect;
import dev.realtime.benchmarks.client.Frame;
import dev.realtime.benchmarks.client.FrameListener;
import dev.realtime.benchmarks.harness.Settings;
import dev.realtime.benchmarks.measure.Latencies;
import dev.realtime.benchmarks.measure.Window;

/**
 * Scenario 1: every client keeps one event with an ack in flight and sends the next as soon as the ack arrives.
 */
public final class AckRoundTrips implements Scenario {

	static final Metric RATE = Metric.higher("round trips/s");

	static final Metric P50 = Metric.lower("p50 latency µs");

	static final Metric P99 = Metric.lower("p99 latency µs");

	static final Metric P999 = Metric.lower("p99.9 latency µs");

	static final Metric SERVER_CPU = Metric.lower("server CPU µs per round trip");

	private final Settings settings;

	public AckRoundTrips(Settings settings) {
		this.settings = settings;
	}

	@Override
	public int number() {
		return 1;
	}

	@Override
	public String title() {
		return "1. Ack round trips: " + this.settings.ackClients() + " clients, one ack in flight each";
	}

	@Override
	public Map<Metric, Double> run(Target target) throws Exception {
		Dialect dialect = target.server().kind().dialect();
		Latencies latencies = new Latencies();
		Frame request = Frame.of(dialect.ackRequest());
		Load load = new Load();
		List<Connection> connections = Clients.connect(target, dialect, this.settings.ackClients(),
				() -> new Client(dialect, request, load, latencies));
		try {
			connections.forEach((connection) -> connection.send(request));
			Thread.sleep(this.settings.warmUp().toMillis());
			Window window = Window.open(target.server().pid());
			load.measuring = true;
			Thread.sleep(this.settings.measure().toMillis());
			load.measuring = false;
			Window.Elapsed elapsed = window.close();
			load.running = false;
			int roundTrips = latencies.count();
			if (roundTrips == 0) {
				throw new IllegalStateException("No ack arrived in the measurement window");
			}
			Map<Metric, Double> metrics = new LinkedHashMap<>();
			metrics.put(RATE, roundTrips / elapsed.seconds());
			metrics.put(P50, latencies.percentileMicros(0.5));
			metrics.put(P99, latencies.percentileMicros(0.99));
			metrics.put(P999, latencies.percentileMicros(0.999));
			metrics.put(SERVER_CPU, elapsed.serverCpuMicrosPer(roundTrips));
			Metric.putLoad(metrics, elapsed);
			return metrics;
		}
		finally {
			Clients.close(connections);
		}
	}

	/** Whether clients go on sending, and whether their round trips count. */
	private static final class Load {

		volatile boolean running = true;

		volatile boolean measuring;

	}

	/** One client: times its round trip and sends the next request. */
	private static final class Client implements FrameListener {

		private final Dialect dialect;

		private final Frame request;

		private final Load load;

		private final Latencies latencies;

		private long sentAt = System.nanoTime();

		Client(Dialect dialect, Frame request, Load load, Latencies latencies) {
			this.dialect = dialect;
			this.request = request;
			this.load = load;
			this.latencies = latencies;
		}

		@Override
		public void onFrame(Connection connection, String frame) {
			if (!this.dialect.isAck(frame)) {
				return;
			}
			long now = System.nanoTime();
			if (this.load.measuring) {
				this.latencies.add(now - this.sentAt);
			}
			if (this.load.running) {
				this.sentAt = now;
				connection.send(this.request);
			}
		}

	}

}
