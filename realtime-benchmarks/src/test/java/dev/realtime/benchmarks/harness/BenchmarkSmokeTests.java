package dev.realtime.benchmarks.harness;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every scenario on every server with the smallest counts, so the harness cannot rot. Asserts that each
 * scenario completed, never how fast.
 */
class BenchmarkSmokeTests {

	@Test
	void everyScenarioCompletesOnEveryServer() throws Exception {
		BenchmarkHarness harness = new BenchmarkHarness(Settings.SMOKE, Path.of("").toAbsolutePath(),
				ServerKind.available());
		Results results = harness.run();
		harness.write(results, Path.of("target", "benchmarks"));
		assertThat(results.failures()).isEmpty();
		assertThat(results.figures()).hasSize(9);
		results.figures()
			.values()
			.forEach((metrics) -> metrics.values().forEach((byServer) -> assertThat(byServer).isNotEmpty()));
	}

}
