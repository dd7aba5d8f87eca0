package dev.realtime.benchmarks.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.realtime.benchmarks.measure.ProcessStats;

/**
 * A server under test running as a child process, pinned to its own core when the machine has two or more.
 */
public final class ServerProcess implements AutoCloseable {

	private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);

	private static final Pattern HEAP_USED = Pattern.compile("\"heapUsed\"\\s*:\\s*(\\d+)");

	private static final Pattern SOCKETS = Pattern.compile("\"sockets\"\\s*:\\s*(\\d+)");

	private static final Pattern CONNECTION_LIMIT = Pattern.compile("\"connectionLimit\"\\s*:\\s*(-?\\d+)");

	private final ServerKind kind;

	private final Process process;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private ServerProcess(ServerKind kind, Process process, int port) {
		this.kind = kind;
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a server and waits until it answers.
	 * @param cpus the cores it may run on, as {@code taskset} takes them, or null for any
	 * @param properties Spring Boot properties, {@code name=value}
	 */
	public static ServerProcess start(ServerKind kind, Path nodeDirectory, Path log, String cpus,
			List<String> properties) throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		if (cpus != null) {
			command.addAll(List.of("taskset", "-c", cpus));
		}
		command.addAll(kind.command(port, nodeDirectory, properties));
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServerProcess server = new ServerProcess(kind, process, port);
		server.awaitStarted(log);
		return server;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private void awaitStarted(Path log) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.kind.label() + " exited at startup, see " + log);
			}
			try {
				heapAfterGc();
				return;
			}
			catch (IOException ex) {
				Thread.sleep(250);
			}
		}
		close();
		throw new IllegalStateException(this.kind.label() + " did not start in " + STARTUP_TIMEOUT + ", see " + log);
	}

	public ServerKind kind() {
		return this.kind;
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Heap in use after a full collection, as the server reports it. */
	public long heapAfterGc() throws IOException, InterruptedException {
		Matcher matcher = HEAP_USED.matcher(stats());
		if (!matcher.find()) {
			throw new IOException("No heap figure from " + this.kind.label());
		}
		return Long.parseLong(matcher.group(1));
	}

	/** The container's limit on open connections, or -1 when it has none. */
	public long connectionLimit() throws IOException, InterruptedException {
		Matcher matcher = CONNECTION_LIMIT.matcher(stats());
		return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
	}

	/**
	 * Sockets in the main namespace, without a collection, or -1 when the server does not tell (a build older
	 * than its {@code /sockets} endpoint).
	 */
	public int socketCount() throws IOException, InterruptedException {
		Matcher matcher = SOCKETS.matcher(get("/sockets"));
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
	}

	private String stats() throws IOException, InterruptedException {
		return get("/stats");
	}

	private String get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	public long rssBytes() {
		return ProcessStats.rssBytes(pid());
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
