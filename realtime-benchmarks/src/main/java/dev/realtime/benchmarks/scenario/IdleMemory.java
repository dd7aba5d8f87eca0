package dev.realtime.benchmarks.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.realtime.benchmarks.client.Connection;
import dev.realtime.benchmarks.client.FrameListener;
import dev.realtime.benchmarks.harness.Settings;

/**
 * Scenario 4: heap after a full collection and resident memory, before and after opening idle connections, on a
 * server that has served nothing else yet.
 */
public final class IdleMemory implements Scenario {

	static final Metric HEAP = Metric.lower("heap after GC per connection, bytes");

	static final Metric RSS = Metric.lower("RSS per connection, bytes");

	static final Metric HEAP_TOTAL = Metric.lower("heap after GC with the connections open, MB");

	static final Metric RSS_TOTAL = Metric.lower("RSS with the connections open, MB");

	private static final long SETTLE_MILLIS = 2_000;

	private final Settings settings;

	public IdleMemory(Settings settings) {
		this.settings = settings;
	}

	@Override
	public int number() {
		return 4;
	}

	@Override
	public String title() {
		return "4. Idle memory: " + this.settings.idleConnections() + " idle connections on a fresh server";
	}

	@Override
	public Map<Metric, Double> run(Target target) throws Exception {
		int count = this.settings.idleConnections();
		long heapBefore = target.server().heapAfterGc();
		long rssBefore = target.server().rssBytes();
		List<Connection> connections = Clients.connect(target, target.server().kind().dialect(), count,
				() -> FrameListener.IGNORE);
		try {
			Thread.sleep(SETTLE_MILLIS);
			long heapAfter = target.server().heapAfterGc();
			long rssAfter = target.server().rssBytes();
			Map<Metric, Double> metrics = new LinkedHashMap<>();
			metrics.put(HEAP, (double) (heapAfter - heapBefore) / count);
			metrics.put(RSS, (double) (rssAfter - rssBefore) / count);
			metrics.put(HEAP_TOTAL, heapAfter / 1e6);
			metrics.put(RSS_TOTAL, rssAfter / 1e6);
			return metrics;
		}
		finally {
			Clients.close(connections);
		}
	}

}
