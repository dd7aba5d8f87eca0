package dev.realtime.benchmarks.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.realtime.benchmarks.scenario.Metric;
import dev.realtime.benchmarks.scenario.Scenario;

/**
 * Writes results as Markdown tables: one per scenario, a row per metric, a column per server with the median of
 * the runs and their spread, and the Realtime-on-Tomcat ratios against Node, against the raw WebSocket and, when
 * the run has one, against the baseline.
 */
final class MarkdownReport {

	private final Settings settings;

	private final List<ServerKind> servers;

	private final Map<ServerKind, String> references = new LinkedHashMap<>();

	MarkdownReport(Settings settings, List<ServerKind> servers) {
		this.settings = settings;
		this.servers = servers;
		this.references.put(ServerKind.NODE, "÷ Node");
		this.references.put(ServerKind.RAW_TOMCAT, "÷ raw WebSocket");
		if (servers.contains(ServerKind.REALTIME_TOMCAT_BASELINE)) {
			this.references.put(ServerKind.REALTIME_TOMCAT_BASELINE, "÷ " + Baseline.revision());
		}
	}

	String render(Results results, Map<String, String> facts, Map<String, String> conditions) {
		StringBuilder out = new StringBuilder();
		out.append("# Benchmark results (").append(this.settings.name()).append(")\n\n");
		out.append("## Machine and versions\n\n| | |\n| --- | --- |\n");
		facts.forEach((name, value) -> out.append("| ").append(name).append(" | ").append(value).append(" |\n"));
		out.append("\n## Conditions\n\n");
		conditions.forEach((name, value) -> out.append("- ").append(name).append(": ").append(value).append('\n'));
		out.append("\nEach cell is the median of the runs, with the spread (max - min) / median in brackets. ")
			.append("Ratios divide Realtime on Tomcat by the column named; ↑ marks a metric where more is better, ")
			.append("↓ one where less is better.\n");
		results.figures().forEach((scenario, metrics) -> table(out, results, scenario, metrics));
		if (!results.failures().isEmpty()) {
			out.append("\n## Did not complete\n\n");
			results.failures().forEach((failure) -> out.append("- ").append(failure).append('\n'));
		}
		return out.toString();
	}

	private void table(StringBuilder out, Results results, Scenario scenario,
			Map<Metric, Map<ServerKind, List<Double>>> metrics) {
		out.append("\n### ").append(scenario.title()).append("\n\n| metric |");
		this.servers.forEach((server) -> out.append(' ').append(server.label()).append(" |"));
		this.references.values().forEach((reference) -> out.append(' ').append(reference).append(" |"));
		out.append("\n|---|");
		this.servers.forEach((server) -> out.append("---:|"));
		this.references.values().forEach((reference) -> out.append("---:|"));
		out.append('\n');
		metrics.forEach((metric, byServer) -> {
			out.append("| ").append(metric.label()).append(metric.higherIsBetter() ? " ↑" : " ↓").append(" |");
			for (ServerKind server : this.servers) {
				out.append(' ').append(cell(byServer.get(server))).append(" |");
			}
			this.references.keySet()
				.forEach((reference) -> out.append(' ').append(ratio(byServer, reference)).append(" |"));
			out.append('\n');
		});
		List<String> findings = results.findings().getOrDefault(scenario, List.of());
		if (!findings.isEmpty()) {
			out.append("\nFindings:\n\n");
			findings.forEach((finding) -> out.append("- ").append(finding).append('\n'));
		}
	}

	private static String cell(List<Double> runs) {
		if (runs == null || runs.isEmpty()) {
			return "—";
		}
		double median = median(runs);
		String value = number(median);
		if (runs.size() < 2 || median == 0) {
			return value;
		}
		double spread = (runs.stream().mapToDouble(Double::doubleValue).max().getAsDouble()
				- runs.stream().mapToDouble(Double::doubleValue).min().getAsDouble()) / Math.abs(median);
		return value + String.format(Locale.ROOT, " (±%.0f%%)", 50 * spread);
	}

	private static String ratio(Map<ServerKind, List<Double>> byServer, ServerKind reference) {
		List<Double> realtime = byServer.get(ServerKind.REALTIME_TOMCAT);
		List<Double> other = byServer.get(reference);
		if (realtime == null || other == null || median(other) == 0) {
			return "—";
		}
		return String.format(Locale.ROOT, "%.2fx", median(realtime) / median(other));
	}

	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static String number(double value) {
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
