package dev.realtime.benchmarks.scenario;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.realtime.benchmarks.client.ConnectionHolder;
import dev.realtime.benchmarks.harness.ServerKind;
import dev.realtime.benchmarks.harness.Settings;
import dev.realtime.benchmarks.measure.ProcessStats;

/**
 * Scenario 5: idle connections opened until the server stops taking them or a cap is reached, on a server started
 * for this scenario alone, and what stopped it: the container's connection limit, the server's open files limit, or
 * the ephemeral ports of the source addresses. The connections are held by {@link ConnectionHolder} processes of
 * their own, so that the generator's open files limit is never the one met.
 */
public final class Scale implements FreshServerScenario {

	static final Metric HELD = Metric.higher("idle connections held");

	static final Metric RSS_TOTAL = Metric.lower("RSS with the connections open, MB");

	static final Metric OPEN_FILES = Metric.lower("server file descriptors in use");

	/** Connections one holder process opens at most, well inside the machine's usual open files limit. */
	private static final int HOLDER_SHARE = 8_000;

	/**
	 * How close to its open files limit a server that stopped taking connections counts as having met it: the
	 * descriptors of connections still being accepted or closed come and go.
	 */
	private static final int OPEN_FILES_MARGIN = 100;

	/**
	 * How close to the container's connection limit the connections held count as having met it: the limit also
	 * counts the harness's own HTTP connections and those still being accepted.
	 */
	private static final int CONNECTION_LIMIT_MARGIN = 400;

	private final int cap;

	private final List<String> serverProperties;

	private Scale(int cap, List<String> serverProperties) {
		this.cap = cap;
		this.serverProperties = serverProperties;
	}

	/** Every server as it starts with no settings. */
	public static Scale withDefaults(Settings settings) {
		return new Scale(settings.scaleConnections(), List.of());
	}

	/** Realtime on Tomcat with the container's connection limit lifted. */
	public static Scale withoutConnectionLimit(Settings settings) {
		return new Scale(settings.scaleConnections(), List.of("server.tomcat.max-connections=100000"));
	}

	@Override
	public List<String> serverProperties() {
		return this.serverProperties;
	}

	@Override
	public int number() {
		return 5;
	}

	@Override
	public String title() {
		String configuration = this.serverProperties.isEmpty() ? "the default configuration"
				: String.join(", ", this.serverProperties);
		return "5. Scale: idle connections held with " + configuration + ", up to "
				+ String.format(Locale.ROOT, "%,d", this.cap);
	}

	@Override
	public boolean appliesTo(ServerKind kind) {
		return this.serverProperties.isEmpty() || kind == ServerKind.REALTIME_TOMCAT;
	}

	@Override
	public Map<Metric, Double> run(Target target) throws Exception {
		long connectionLimit = target.server().connectionLimit();
		List<Holder> holders = new ArrayList<>();
		try {
			for (int opened = 0; opened < this.cap; opened += HOLDER_SHARE) {
				holders.add(Holder.start(target, Math.min(HOLDER_SHARE, this.cap - opened), holders.size()));
			}
			int held = 0;
			List<String> failures = new ArrayList<>();
			for (Holder holder : holders) {
				held += holder.awaitHeld();
				if (holder.failure != null) {
					failures.add(holder.failure);
				}
			}
			long pid = target.server().pid();
			long openFiles = ProcessStats.openFiles(pid);
			target.finding(limitedBy(held, connectionLimit, openFiles, ProcessStats.openFilesLimit(pid), failures));
			Map<Metric, Double> metrics = new LinkedHashMap<>();
			metrics.put(HELD, (double) held);
			metrics.put(RSS_TOTAL, target.server().rssBytes() / 1e6);
			metrics.put(OPEN_FILES, (double) openFiles);
			return metrics;
		}
		finally {
			for (Holder holder : holders) {
				holder.close();
			}
		}
	}

	private String limitedBy(int held, long connectionLimit, long openFiles, long openFilesLimit,
			List<String> failures) {
		if (failures.isEmpty()) {
			return "held all it was asked for: no limit below " + String.format(Locale.ROOT, "%,d", this.cap);
		}
		if (openFiles >= openFilesLimit - OPEN_FILES_MARGIN) {
			return "the server's open files limit (" + openFilesLimit + "): every connection holds a file descriptor";
		}
		if (connectionLimit > 0 && held >= connectionLimit - CONNECTION_LIMIT_MARGIN) {
			return "the container's connection limit, server.tomcat.max-connections (" + connectionLimit + ")";
		}
		if (failures.stream().anyMatch((failure) -> failure.contains("Cannot assign requested address"))) {
			return "the ephemeral ports of the generator's source addresses";
		}
		return "not identified; the first failure: " + failures.get(0);
	}

	/** A {@link ConnectionHolder} process and what it reported. */
	private static final class Holder implements AutoCloseable {

		private final Process process;

		private final BufferedReader output;

		private String failure;

		private Holder(Process process) {
			this.process = process;
			this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		}

		static Holder start(Target target, int connections, int index) throws IOException {
			Settings settings = target.settings();
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), ConnectionHolder.class.getName(),
					target.server().kind().name(), Integer.toString(target.server().port()),
					Integer.toString(connections), Integer.toString(settings.concurrency()),
					Integer.toString(index * settings.sourceAddresses()), Integer.toString(settings.sourceAddresses()));
			return new Holder(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
		}

		/** Waits until the holder has opened all it could, and returns how many it holds. */
		int awaitHeld() throws IOException {
			int held = -1;
			for (String line = this.output.readLine(); line != null; line = this.output.readLine()) {
				if (line.startsWith("held ")) {
					held = Integer.parseInt(line.substring(5));
				}
				else if (line.startsWith("stopped: ")) {
					this.failure = line.substring(9);
					return held;
				}
				else if (line.equals("complete")) {
					return held;
				}
			}
			throw new IllegalStateException("A connection holder exited with status " + exitStatus());
		}

		private String exitStatus() {
			try {
				return this.process.waitFor(10, TimeUnit.SECONDS) ? Integer.toString(this.process.exitValue()) : "none";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return "unknown";
			}
		}

		@Override
		public void close() throws IOException, InterruptedException {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
