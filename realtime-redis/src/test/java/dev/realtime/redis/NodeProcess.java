package dev.realtime.redis;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js Socket.IO node of {@code src/test/js} ({@code node.js} on the Redis adapter, {@code node-streams.js} on
 * the Redis Streams one) as a child process on a free port, or another script of that folder run to its end; their
 * output goes to the test's output. A test fails when Node.js or the packages
 * that the build installs there are missing.
 */
final class NodeProcess implements AutoCloseable {

	static final File DIRECTORY = new File("src/test/js");

	private final Process process;

	private final int port;

	private NodeProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** The node of {@code node.js}, on the Redis adapter with this key prefix. */
	static NodeProcess start(int redisPort, String keyPrefix) throws Exception {
		return start("node.js", redisPort, keyPrefix);
	}

	/** The node of a script that takes its port, Redis' port and a prefix, and prints "listening" once it listens. */
	static NodeProcess start(String script, int redisPort, String prefix) throws Exception {
		int port = freePort();
		Process process = launch(script, String.valueOf(port), String.valueOf(redisPort), prefix);
		CompletableFuture<Void> listening = new CompletableFuture<>();
		Thread output = new Thread(() -> {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					System.out.println("[node] " + line);
					if (line.equals("listening")) {
						listening.complete(null);
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
			listening.completeExceptionally(new IllegalStateException("The Node.js node exited"));
		}, "node-output");
		output.setDaemon(true);
		output.start();
		NodeProcess node = new NodeProcess(process, port);
		try {
			listening.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			node.close();
			throw ex;
		}
		return node;
	}

	/** Runs a script of {@code src/test/js} to its end, which must be a success; its output goes to the test's. */
	static void run(String script, String... args) throws Exception {
		String[] command = new String[args.length + 1];
		command[0] = script;
		System.arraycopy(args, 0, command, 1, args.length);
		Process process = launch(command);
		process.getInputStream().transferTo(System.out);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(script + " did not end within 30 s");
		}
		if (process.exitValue() != 0) {
			throw new AssertionError(script + " failed with exit code " + process.exitValue());
		}
	}

	private static Process launch(String... scriptAndArgs) {
		if (!new File(DIRECTORY, "node_modules/@socket.io/redis-adapter").isDirectory()) {
			throw new AssertionError("The Node.js packages are not installed: run \"npm ci\" in "
					+ DIRECTORY.getAbsolutePath() + " (the build does it before the tests)");
		}
		String[] command = new String[scriptAndArgs.length + 1];
		command[0] = "node";
		System.arraycopy(scriptAndArgs, 0, command, 1, scriptAndArgs.length);
		try {
			return new ProcessBuilder(command).directory(DIRECTORY).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot start node (Node 20 or later must be on the PATH): " + ex.getMessage(), ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

}
