package dev.realtime.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a scenario of the official JavaScript Socket.IO client against a server, for tests that prove the server
 * speaks the protocol as the reference client expects.
 *
 * <p>
 * The script protocol:
 * <ul>
 * <li>Scripts live in {@code realtime-core/src/test/js}, which holds the pinned {@code socket.io-client}; the build
 * runs {@code npm ci} there before the tests. They need Node 20 or later.</li>
 * <li>A script runs as {@code node <script> <server url> [<options as JSON>]} with that folder as working
 * directory. The URL has no trailing slash (e.g. {@code http://localhost:8080}); the script appends the
 * namespace. The options object is the script's own; its header comment lists them.</li>
 * <li>On success the script prints one JSON object as the last line of its standard output and exits with 0;
 * {@link #run} returns that object. A refused connection is a result, not a failure: the script reports it in its
 * JSON.</li>
 * <li>On failure the script prints the error to standard error and exits with another code; {@link #run} then
 * throws an {@link AssertionError} that carries the exit code, standard error and standard output.</li>
 * <li>Scripts end on their own and bound each wait ({@code scenario.js} does both); a script still running after
 * {@link #DEFAULT_TIMEOUT} (or the given timeout) is killed and the test fails.</li>
 * </ul>
 * Scripts write with {@code scenario.js}: {@code run(async (url, options) => result)} handles the arguments, the
 * output and the time limit, and {@code next(emitter, event, ms)} awaits one event.
 */
public final class NodeClient {

	/** How long a scenario may run, unless the test says otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private static final Path SCRIPTS = Path.of("src", "test", "js").toAbsolutePath();

	private static final JsonMapper mapper = new JsonMapper();

	private NodeClient() {
	}

	/** Runs a script without options and returns the JSON object it printed. */
	public static JsonNode run(String script, String serverUrl) {
		return run(script, serverUrl, Map.of(), DEFAULT_TIMEOUT);
	}

	/** Runs a script with these options (sent as JSON) and returns the JSON object it printed. */
	public static JsonNode run(String script, String serverUrl, Map<String, ?> options) {
		return run(script, serverUrl, options, DEFAULT_TIMEOUT);
	}

	/**
	 * Runs a script with these options (sent as JSON), waits at most {@code timeout}, and returns the JSON object it
	 * printed.
	 */
	public static JsonNode run(String script, String serverUrl, Map<String, ?> options, Duration timeout) {
		checkInstalled(script);
		Path stdout = temporaryFile("stdout");
		Path stderr = temporaryFile("stderr");
		try {
			Process process = start(script, serverUrl, options, stdout, stderr);
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
				throw failure(script + " did not finish within " + timeout, stdout, stderr);
			}
			if (process.exitValue() != 0) {
				throw failure(script + " exited with " + process.exitValue(), stdout, stderr);
			}
			return result(script, stdout, stderr);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while " + script + " ran", ex);
		}
		finally {
			delete(stdout);
			delete(stderr);
		}
	}

	private static void checkInstalled(String script) {
		if (!Files.isRegularFile(SCRIPTS.resolve(script))) {
			throw new AssertionError("No script " + SCRIPTS.resolve(script));
		}
		if (!Files.isDirectory(SCRIPTS.resolve("node_modules").resolve("socket.io-client"))) {
			throw new AssertionError("socket.io-client is not installed: run \"npm ci\" in " + SCRIPTS
					+ " (the build does it before the tests)");
		}
	}

	private static Process start(String script, String serverUrl, Map<String, ?> options, Path stdout, Path stderr) {
		List<String> command = new ArrayList<>(List.of("node", script, serverUrl.replaceAll("/+$", "")));
		if (!options.isEmpty()) {
			command.add(mapper.writeValueAsString(options));
		}
		try {
			return new ProcessBuilder(command).directory(SCRIPTS.toFile())
				.redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile())
				.start();
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot start node (Node 20 or later must be on the PATH): " + ex.getMessage(),
					ex);
		}
	}

	private static JsonNode result(String script, Path stdout, Path stderr) {
		List<String> lines = read(stdout).lines().filter((line) -> !line.isBlank()).toList();
		if (lines.isEmpty()) {
			throw failure(script + " printed no result", stdout, stderr);
		}
		try {
			JsonNode result = mapper.readTree(lines.get(lines.size() - 1));
			if (!result.isObject()) {
				throw failure(script + " printed a result that is not a JSON object", stdout, stderr);
			}
			return result;
		}
		catch (JacksonException ex) {
			throw failure(script + " printed a last line that is not JSON: " + ex.getOriginalMessage(), stdout,
					stderr);
		}
	}

	private static AssertionError failure(String problem, Path stdout, Path stderr) {
		return new AssertionError(problem + "\n--- stderr ---\n" + read(stderr) + "\n--- stdout ---\n" + read(stdout));
	}

	private static Path temporaryFile(String name) {
		try {
			return Files.createTempFile("node-client-", "." + name);
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot create a file for the output of node", ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(unreadable: " + ex.getMessage() + ")";
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a leftover temporary file does no harm
		}
	}

}
