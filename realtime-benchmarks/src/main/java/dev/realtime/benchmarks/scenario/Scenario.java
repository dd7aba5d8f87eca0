package dev.realtime.benchmarks.scenario;

import java.util.Map;

import dev.realtime.benchmarks.harness.ServerKind;

/**
 * One measurement against one running server. It throws when it could not complete, and reports its metrics in
 * the order they are tabled.
 */
public interface Scenario {

	/** Its number in the list of scenarios, by which a run may pick it. */
	int number();

	/** A heading that says what was measured and with which counts. */
	String title();

	default boolean appliesTo(ServerKind kind) {
		return true;
	}

	Map<Metric, Double> run(Target target) throws Exception;

}
