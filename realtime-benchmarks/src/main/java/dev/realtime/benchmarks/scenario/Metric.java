package dev.realtime.benchmarks.scenario;

/**
 * What a scenario reports.
 *
 * @param label name and unit, as tabled
 * @param higherIsBetter whether a larger figure is the better one
 */
public record Metric(String label, boolean higherIsBetter) {

	public static Metric higher(String label) {
		return new Metric(label, true);
	}

	public static Metric lower(String label) {
		return new Metric(label, false);
	}

}
