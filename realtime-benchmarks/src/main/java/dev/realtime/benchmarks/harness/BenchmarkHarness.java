package dev.realtime.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.realtime.benchmarks.client.LoadGenerator;
import dev.realtime.benchmarks.scenario.AckRoundTrips;
import dev.realtime.benchmarks.scenario.BroadcastFanOut;
import dev.realtime.benchmarks.scenario.ConnectStorm;
import dev.realtime.benchmarks.scenario.FreshServerScenario;
import dev.realtime.benchmarks.scenario.IdleMemory;
import dev.realtime.benchmarks.scenario.MissingHandlerException;
import dev.realtime.benchmarks.scenario.Scale;
import dev.realtime.benchmarks.scenario.Scenario;
import dev.realtime.benchmarks.scenario.SlowConsumer;
import dev.realtime.benchmarks.scenario.Target;
import dev.realtime.benchmarks.servers.realtime.RealtimeBenchmarkApplication;

/**
 * Starts every server under test on core 0, measures idle memory on each while it is fresh, then runs the
 * throughput scenarios on each server in turn, run after run, so that a change in the machine's load touches every
 * server alike; last, the scale and slow-consumer scenarios, each on servers started afresh with the scenario's own
 * configuration. Run it from
 * {@code realtime-benchmarks/} on core 1, as {@code run.sh} does, with the profile name and optionally the servers to
 * measure and Spring Boot properties for the Java servers ({@code quick realtime_tomcat,node
 * realtime.max-payload=64KB}); the environment variable {@code SCENARIOS} picks scenarios by number ({@code 4,5}).
 */
public final class BenchmarkHarness {

	/** The servers' core; the generator runs on the other one. */
	private static final String SERVER_CPUS = "0";

	/** Tomcat accepts 8192 connections by default; this lifts it for the memory scenario. */
	private static final int MAX_CONNECTIONS_MARGIN = 1_000;

	private final Settings settings;

	private final Path directory;

	private final List<ServerKind> servers;

	private final Map<String, String> conditions = new LinkedHashMap<>();

	private final List<String> serverProperties = new ArrayList<>();

	private final Set<Integer> scenarios = new TreeSet<>(List.of(1, 2, 3, 4, 5, 6));

	public BenchmarkHarness(Settings settings, Path directory, List<ServerKind> servers) {
		this.settings = settings;
		this.directory = directory;
		this.servers = servers;
		if (servers.contains(ServerKind.REALTIME_TOMCAT_BASELINE)) {
			this.conditions.put("baseline", ServerKind.REALTIME_TOMCAT_BASELINE.label()
					+ ": the benchmark servers of that revision, built in a git worktree of their own");
		}
	}

	/** Runs only the scenarios with these numbers. */
	public void selectScenarios(List<Integer> numbers) {
		this.scenarios.retainAll(numbers);
		this.conditions.put("scenarios", this.scenarios.toString());
	}

	/** Adds a Spring Boot property, {@code name=value}, to every Java server: a tuning to measure. */
	public void addServerProperty(String property) {
		this.serverProperties.add(property);
		this.conditions.merge("server properties", property, (earlier, added) -> earlier + ", " + added);
	}

	public static void main(String[] args) throws Exception {
		Settings settings = Settings.named((args.length > 0) ? args[0] : "quick");
		List<ServerKind> servers = (args.length > 1 && !args[1].equals("all"))
				? Arrays.stream(args[1].split(",")).map(ServerKind::named).toList() : ServerKind.available();
		BenchmarkHarness harness = new BenchmarkHarness(settings, Path.of("").toAbsolutePath(), servers);
		String scenarios = System.getenv("SCENARIOS");
		if (scenarios != null && !scenarios.isBlank()) {
			harness.selectScenarios(Arrays.stream(scenarios.split(",")).map(String::trim).map(Integer::valueOf).toList());
		}
		Arrays.stream(args).skip(2).forEach(harness::addServerProperty);
		Results results = harness.run();
		Path report = harness.write(results, harness.directory.resolve(
				"smoke".equals(settings.name()) ? Path.of("target", "benchmarks") : Path.of("results")));
		System.out.println(Files.readString(report));
		System.out.println("Report: " + report);
		System.out.println("Scenarios: " + results.completed() + " passed, " + results.failures().size() + " failed");
		System.exit(results.failures().isEmpty() ? 0 : 1);
	}

	/** Runs every scenario on every server. */
	public Results run() throws Exception {
		Results results = new Results();
		this.conditions.put("started", LocalDateTime.now().withNano(0).toString());
		this.conditions.put("load average (1, 5, 15 min) before", MachineFacts.loadAverage());
		try (LoadGenerator generator = new LoadGenerator(this.settings.sourceAddresses())) {
			measureOnSharedServers(generator, results);
			measureOnFreshServers(generator, results);
		}
		this.conditions.put("load average (1, 5, 15 min) after", MachineFacts.loadAverage());
		return results;
	}

	/** Idle memory on each server while it is fresh, then the throughput scenarios, run after run. */
	private void measureOnSharedServers(LoadGenerator generator, Results results) throws Exception {
		Scenario memory = new IdleMemory(this.settings);
		List<Scenario> scenarios = Stream.of(new AckRoundTrips(this.settings), BroadcastFanOut.plain(this.settings),
				BroadcastFanOut.withEmitOutMiddleware(this.settings, RealtimeBenchmarkApplication.EMIT_OUT_NAMESPACE),
				new ConnectStorm(this.settings))
			.filter(this::selected)
			.toList();
		if (scenarios.isEmpty() && !selected(memory)) {
			return;
		}
		List<ServerProcess> running = new ArrayList<>();
		try {
			for (ServerKind kind : this.servers) {
				running.add(start(kind, throughputProperties()));
			}
			if (selected(memory)) {
				for (ServerProcess server : running) {
					measure(memory, server, generator, results);
				}
			}
			for (int run = 0; run < this.settings.runs(); run++) {
				for (Scenario scenario : scenarios) {
					for (ServerProcess server : running) {
						if (scenario.appliesTo(server.kind())) {
							measure(scenario, server, generator, results);
						}
					}
				}
			}
		}
		finally {
			for (ServerProcess server : running) {
				server.close();
			}
		}
	}

	private boolean selected(Scenario scenario) {
		return this.scenarios.contains(scenario.number());
	}

	/**
	 * Scale and slow consumer run last, once each, each server started afresh with nothing but the scenario's own
	 * properties: what they measure depends on the configuration.
	 */
	private void measureOnFreshServers(LoadGenerator generator, Results results)
			throws IOException, InterruptedException {
		List<FreshServerScenario> scenarios = List.of(Scale.withDefaults(this.settings),
				Scale.withoutConnectionLimit(this.settings), SlowConsumer.webSocket(this.settings),
				SlowConsumer.polling(this.settings));
		for (FreshServerScenario scenario : scenarios) {
			if (!selected(scenario)) {
				continue;
			}
			for (ServerKind kind : this.servers) {
				if (scenario.appliesTo(kind)) {
					try (ServerProcess server = start(kind, scenario.serverProperties())) {
						measure(scenario, server, generator, results);
					}
				}
			}
		}
	}

	private ServerProcess start(ServerKind kind, List<String> properties) throws IOException, InterruptedException {
		Path log = this.directory.resolve(Path.of("target", "benchmarks", kind.name().toLowerCase() + ".log"));
		String cpus = (Integer.parseInt(MachineFacts.command("nproc", "--all")) > 1) ? SERVER_CPUS : null;
		if (kind == ServerKind.NODE && !Files.isDirectory(nodeDirectory().resolve("node_modules"))) {
			installNodeServer();
		}
		return ServerProcess.start(kind, nodeDirectory(), log, cpus, properties);
	}

	/** The memory scenario's connections fit, and the tuning given to measure applies. */
	private List<String> throughputProperties() {
		List<String> properties = new ArrayList<>(List.of("server.tomcat.max-connections="
				+ Math.max(8192, this.settings.idleConnections() + MAX_CONNECTIONS_MARGIN)));
		properties.addAll(this.serverProperties);
		return properties;
	}

	private void installNodeServer() throws IOException, InterruptedException {
		// npm gets neither this JVM's stdin (node makes a shared stdin non-blocking, which breaks a test runner that
		// reads commands from it) nor its stdout (a test runner's channel): its output goes to a log
		Path log = nodeDirectory().resolve("npm-ci.log");
		Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(nodeDirectory().toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		install.getOutputStream().close();
		if (install.waitFor() != 0) {
			throw new IllegalStateException("npm ci failed in " + nodeDirectory() + ", see " + log);
		}
	}

	private void measure(Scenario scenario, ServerProcess server, LoadGenerator generator, Results results) {
		try {
			Target target = new Target(server, generator, this.settings,
					(finding) -> results.find(scenario, server.kind(), finding));
			results.add(scenario, server.kind(), scenario.run(target));
		}
		catch (MissingHandlerException ex) {
			if (server.kind() == ServerKind.REALTIME_TOMCAT_BASELINE) {
				results.find(scenario, server.kind(), "skipped, " + ex.getMessage());
			}
			else {
				results.fail(scenario, server.kind(), ex);
			}
		}
		catch (Exception | AssertionError ex) {
			results.fail(scenario, server.kind(), ex);
		}
	}

	private Path nodeDirectory() {
		return this.directory.resolve("node");
	}

	/** Writes the report as Markdown into this folder, named by date and profile. */
	public Path write(Results results, Path folder) throws IOException {
		Map<String, String> facts = MachineFacts.collect(nodeDirectory());
		this.conditions.put("profile", this.settings.toString());
		this.conditions.put("servers", "each on core " + SERVER_CPUS + " (taskset), JVM defaults, "
				+ "server.tomcat.max-connections raised past the idle connection count");
		String report = new MarkdownReport(this.settings, this.servers).render(results, facts, this.conditions);
		Files.createDirectories(folder);
		Path file = folder.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-"
				+ this.settings.name() + ".md");
		Files.writeString(file, report);
		return file;
	}

}
