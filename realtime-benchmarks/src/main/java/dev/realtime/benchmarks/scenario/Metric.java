package dev.realtime.benchmarks.scenario;

import java.util.Map;

import dev.realtime.benchmarks.measure.Window;

/**
 * What a scenario reports.
 *
 * @param label name and unit, as tabled
 * @param higherIsBetter whether a larger figure is the better one
 */
public record Metric(String label, boolean higherIsBetter) {

	/** Share of one core the server used while a scenario measured. */
	public static final Metric SERVER_LOAD = lower("server CPU % of a core");

	/** Share of the server's CPU time that the kernel spent on its behalf while a scenario measured. */
	public static final Metric SERVER_KERNEL = lower("server CPU in the kernel, % of the server's CPU");

	/** Share of one core the load generator used while a scenario measured. */
	public static final Metric GENERATOR_LOAD = lower("generator CPU % of a core");

	public static Metric higher(String label) {
		return new Metric(label, true);
	}

	public static Metric lower(String label) {
		return new Metric(label, false);
	}

	/** Adds the load of the server and of the generator over a measurement window, as every timed scenario reports. */
	static void putLoad(Map<Metric, Double> metrics, Window.Elapsed elapsed) {
		metrics.put(SERVER_LOAD, elapsed.serverCpuPercent());
		metrics.put(SERVER_KERNEL, elapsed.serverKernelPercent());
		metrics.put(GENERATOR_LOAD, elapsed.generatorCpuPercent());
	}

}
