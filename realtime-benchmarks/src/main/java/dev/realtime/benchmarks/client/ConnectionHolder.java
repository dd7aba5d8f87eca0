package dev.realtime.benchmarks.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import dev.realtime.benchmarks.harness.ServerKind;

/**
 * A process of its own that opens idle connections until it holds its share or the server stops taking them, tells
 * the harness on standard output, and holds them until its standard input closes. The scale scenario runs several,
 * so that no single process's open files limit is what it measures.
 * <p>
 * Arguments: server kind, port, connections, connections opened at a time, first source address, source addresses.
 * Output: {@code held N} followed by {@code complete} or {@code stopped: REASON}.
 */
public final class ConnectionHolder {

	private ConnectionHolder() {
	}

	public static void main(String[] args) throws Exception {
		ServerKind kind = ServerKind.valueOf(args[0]);
		int port = Integer.parseInt(args[1]);
		int count = Integer.parseInt(args[2]);
		int concurrency = Integer.parseInt(args[3]);
		try (LoadGenerator generator = new LoadGenerator(Integer.parseInt(args[4]), Integer.parseInt(args[5]))) {
			List<Connection> held = new ArrayList<>(count);
			String failure = open(generator, kind, port, count, concurrency, held);
			System.out.println("held " + held.size());
			System.out.println((failure != null) ? "stopped: " + failure : "complete");
			System.out.flush();
			while (System.in.read() != -1) {
				// hold until the harness closes standard input
			}
		}
	}

	/** Opens connections a wave at a time; the first wave with a failure is the last. Returns that failure. */
	private static String open(LoadGenerator generator, ServerKind kind, int port, int count, int concurrency,
			List<Connection> held) {
		String failure = null;
		while (held.size() < count && failure == null) {
			List<CompletableFuture<Connection>> wave = new ArrayList<>(concurrency);
			for (int index = held.size(); index < count && wave.size() < concurrency; index++) {
				wave.add(generator.connect(port, kind.dialect(), FrameListener.IGNORE));
			}
			for (CompletableFuture<Connection> connection : wave) {
				try {
					held.add(connection.join());
				}
				catch (CompletionException ex) {
					failure = (failure != null) ? failure : String.valueOf(ex.getCause());
				}
			}
		}
		return failure;
	}

}
