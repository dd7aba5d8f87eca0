package dev.realtime.benchmarks.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.realtime.benchmarks.client.Connection;
import dev.realtime.benchmarks.client.Dialect;
import dev.realtime.benchmarks.client.FrameListener;
import dev.realtime.benchmarks.harness.Settings;
import dev.realtime.benchmarks.measure.Window;

/**
 * Scenario 3: many clients connect at once, a bounded number at a time, each through the servers' two CONNECT
 * middlewares, until every one has joined its namespace. A smaller storm first warms the server up.
 */
public final class ConnectStorm implements Scenario {

	static final Metric RATE = Metric.higher("connections/s");

	static final Metric SERVER_CPU = Metric.lower("server CPU µs per connection");

	private final Settings settings;

	public ConnectStorm(Settings settings) {
		this.settings = settings;
	}

	@Override
	public int number() {
		return 3;
	}

	@Override
	public String title() {
		return "3. Connect storm: " + this.settings.stormConnections() + " clients, " + this.settings.concurrency()
				+ " connecting at a time, through two CONNECT middlewares";
	}

	@Override
	public Map<Metric, Double> run(Target target) throws Exception {
		Dialect dialect = target.server().kind().dialect();
		int count = this.settings.stormConnections();
		Clients.close(Clients.connect(target, dialect, Math.max(1, count / 4), () -> FrameListener.IGNORE));
		Window window = Window.open(target.server().pid());
		List<Connection> connections = Clients.connect(target, dialect, count, () -> FrameListener.IGNORE);
		Window.Elapsed elapsed = window.close();
		Clients.close(connections);
		Map<Metric, Double> metrics = new LinkedHashMap<>();
		metrics.put(RATE, count / elapsed.seconds());
		metrics.put(SERVER_CPU, elapsed.serverCpuMicrosPer(count));
		Metric.putLoad(metrics, elapsed);
		return metrics;
	}

}
