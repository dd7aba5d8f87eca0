package dev.realtime.benchmarks.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.realtime.benchmarks.client.Connection;
import dev.realtime.benchmarks.client.Dialect;
import dev.realtime.benchmarks.client.FrameListener;

/**
 * Opens and closes many connections, a bounded number at a time.
 */
final class Clients {

	private Clients() {
	}

	/** Opens {@code count} connections, each with a listener of its own; fails when any could not join. */
	static List<Connection> connect(Target target, Dialect dialect, int count, Supplier<FrameListener> listeners)
			throws InterruptedException {
		Semaphore permits = new Semaphore(target.settings().concurrency());
		List<CompletableFuture<Connection>> connecting = new ArrayList<>(count);
		for (int index = 0; index < count; index++) {
			permits.acquire();
			connecting.add(target.generator()
				.connect(target.server().port(), dialect, listeners.get())
				.whenComplete((connection, failure) -> permits.release()));
		}
		List<Connection> connections = new ArrayList<>(count);
		for (CompletableFuture<Connection> connection : connecting) {
			connections.add(connection.join());
		}
		return connections;
	}

	/** Closes every connection and waits until they are closed. */
	static void close(List<Connection> connections) {
		CompletableFuture.allOf(connections.stream().map(Connection::close).toArray(CompletableFuture[]::new))
			.orTimeout(30, TimeUnit.SECONDS)
			.join();
	}

}
