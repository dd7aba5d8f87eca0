package dev.realtime.benchmarks.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.realtime.benchmarks.scenario.Metric;
import dev.realtime.benchmarks.scenario.Scenario;

/**
 * Every figure of a benchmark run, by scenario, metric and server, one per run; and every scenario that did not
 * complete.
 */
public final class Results {

	private final Map<Scenario, Map<Metric, Map<ServerKind, List<Double>>>> figures = new LinkedHashMap<>();

	private final Map<Scenario, List<String>> findings = new LinkedHashMap<>();

	private final List<String> failures = new ArrayList<>();

	private int completed;

	void add(Scenario scenario, ServerKind server, Map<Metric, Double> metrics) {
		Map<Metric, Map<ServerKind, List<Double>>> byMetric = this.figures.computeIfAbsent(scenario,
				(key) -> new LinkedHashMap<>());
		metrics.forEach((metric, value) -> byMetric.computeIfAbsent(metric, (key) -> new LinkedHashMap<>())
			.computeIfAbsent(server, (key) -> new ArrayList<>())
			.add(value));
		this.completed++;
	}

	void find(Scenario scenario, ServerKind server, String finding) {
		this.findings.computeIfAbsent(scenario, (key) -> new ArrayList<>()).add(server.label() + ": " + finding);
	}

	void fail(Scenario scenario, ServerKind server, Throwable failure) {
		this.failures.add(scenario.title() + " on " + server.label() + ": " + failure);
	}

	public Map<Scenario, Map<Metric, Map<ServerKind, List<Double>>>> figures() {
		return this.figures;
	}

	/** What scenarios found out about each server, in words. */
	public Map<Scenario, List<String>> findings() {
		return this.findings;
	}

	public List<String> failures() {
		return this.failures;
	}

	/** Scenario runs that completed. */
	public int completed() {
		return this.completed;
	}

}
