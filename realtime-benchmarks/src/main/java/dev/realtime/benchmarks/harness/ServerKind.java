package dev.realtime.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.realtime.benchmarks.client.Dialect;
import dev.realtime.benchmarks.servers.raw.RawWebSocketApplication;
import dev.realtime.benchmarks.servers.realtime.RealtimeBenchmarkApplication;

/**
 * A server under test and how to start it.
 */
public enum ServerKind {

	REALTIME_TOMCAT("Realtime, Tomcat", ServerClasspath.TOMCAT, RealtimeBenchmarkApplication.class,
			Dialect.socketIo("/")),

	/** Realtime on Tomcat as {@code run.sh} built it from the revision in {@code BASELINE}; offered only then. */
	REALTIME_TOMCAT_BASELINE("Realtime, Tomcat, " + Baseline.revision(), ServerClasspath.TOMCAT,
			RealtimeBenchmarkApplication.class, Dialect.socketIo("/")),

	REALTIME_JETTY("Realtime, Jetty", ServerClasspath.JETTY, RealtimeBenchmarkApplication.class,
			Dialect.socketIo("/")),

	NODE("socket.io, Node", null, null, Dialect.socketIo("/")),

	RAW_TOMCAT("raw WebSocket, Tomcat", ServerClasspath.TOMCAT, RawWebSocketApplication.class,
			Dialect.raw(RawWebSocketApplication.PATH));

	private final String label;

	private final ServerClasspath classpath;

	private final Class<?> application;

	private final Dialect dialect;

	ServerKind(String label, ServerClasspath classpath, Class<?> application, Dialect dialect) {
		this.label = label;
		this.classpath = classpath;
		this.application = application;
		this.dialect = dialect;
	}

	/** Every server that can run here: the baseline only once one was built. */
	public static List<ServerKind> available() {
		return Arrays.stream(values()).filter(ServerKind::isAvailable).toList();
	}

	/** The server of this name, in any case ({@code realtime_tomcat}). */
	public static ServerKind named(String name) {
		ServerKind kind = valueOf(name.trim().toUpperCase(Locale.ROOT));
		if (!kind.isAvailable()) {
			throw new IllegalArgumentException(name + " needs a baseline: run run.sh with BASELINE=<git revision>");
		}
		return kind;
	}

	private boolean isAvailable() {
		return this != REALTIME_TOMCAT_BASELINE || Baseline.isBuilt();
	}

	public String label() {
		return this.label;
	}

	public Dialect dialect() {
		return this.dialect;
	}

	/** Whether it serves the Realtime starter, with its middleware lines. */
	public boolean isRealtime() {
		return this.application == RealtimeBenchmarkApplication.class;
	}

	/** The command that starts it on this port, with these Spring Boot properties (ignored by Node). */
	List<String> command(int port, Path nodeDirectory, List<String> properties) {
		List<String> command = new ArrayList<>();
		if (this == NODE) {
			command.addAll(List.of("node", "--expose-gc", nodeDirectory.resolve("server.js").toString(),
					Integer.toString(port)));
			return command;
		}
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath(), this.application.getName(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
		properties.forEach((property) -> command.add("--" + property));
		return command;
	}

	private String classpath() {
		return (this == REALTIME_TOMCAT_BASELINE) ? this.classpath.of(Baseline.classpath()) : this.classpath.value();
	}

}
