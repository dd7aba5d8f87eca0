package dev.realtime.benchmarks.scenario;

import dev.realtime.benchmarks.client.LoadGenerator;
import dev.realtime.benchmarks.harness.ServerProcess;
import dev.realtime.benchmarks.harness.Settings;

/**
 * The running server a scenario measures, the generator it loads it with, and the counts to use.
 */
public record Target(ServerProcess server, LoadGenerator generator, Settings settings) {
}
