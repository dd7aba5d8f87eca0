package dev.realtime.benchmarks.scenario;

import java.util.function.Consumer;

import dev.realtime.benchmarks.client.LoadGenerator;
import dev.realtime.benchmarks.harness.ServerProcess;
import dev.realtime.benchmarks.harness.Settings;

/**
 * The running server a scenario measures, the generator it loads it with, the counts to use, and where it reports
 * a finding in words.
 */
public record Target(ServerProcess server, LoadGenerator generator, Settings settings, Consumer<String> findings) {

	/** Reports what the scenario found out about this server, beside its figures. */
	public void finding(String finding) {
		this.findings.accept(finding);
	}

}
