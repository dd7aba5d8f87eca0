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
 * The Node.js Socket.IO node of {@code src/test/js/node.js} as a child process on a free port; its output goes to
 * the test's output. A test fails when Node.js or the packages that the build installs there are missing.
 */
final class NodeProcess implements AutoCloseable {

	static final File DIRECTORY = new File("src/test/js");

	private final Process process;

	private final int port;

	private NodeProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static NodeProcess start(int redisPort, String keyPrefix) throws Exception {
		if (!new File(DIRECTORY, "node_modules/@socket.io/redis-adapter").isDirectory()) {
			throw new AssertionError("@socket.io/redis-adapter is not installed: run \"npm ci\" in "
					+ DIRECTORY.getAbsolutePath() + " (the build does it before the tests)");
		}
		int port = freePort();
		Process process;
		try {
			process = new ProcessBuilder("node", "node.js", String.valueOf(port), String.valueOf(redisPort), keyPrefix)
				.directory(DIRECTORY)
				.redirectErrorStream(true)
				.start();
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot start node (Node 20 or later must be on the PATH): " + ex.getMessage(), ex);
		}
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
