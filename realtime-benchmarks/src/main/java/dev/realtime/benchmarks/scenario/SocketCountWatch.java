package dev.realtime.benchmarks.scenario;

import java.io.IOException;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.realtime.benchmarks.harness.ServerProcess;

/**
 * Polls the server's socket count while a run lasts, and notes when it first fell below the count at the start:
 * when the server dropped a client.
 */
final class SocketCountWatch implements AutoCloseable {

	private static final long PERIOD_MILLIS = 100;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final ServerProcess server;

	private final int initial;

	private volatile long droppedAt;

	private SocketCountWatch(ServerProcess server, int initial) {
		this.server = server;
		this.initial = initial;
	}

	/** Starts watching, unless the server does not tell its socket count. */
	static SocketCountWatch start(ServerProcess server) throws IOException, InterruptedException {
		SocketCountWatch watch = new SocketCountWatch(server, server.socketCount());
		if (watch.initial >= 0) {
			watch.scheduler.scheduleWithFixedDelay(watch::poll, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
		}
		return watch;
	}

	private void poll() {
		try {
			if (this.droppedAt == 0 && this.server.socketCount() < this.initial) {
				this.droppedAt = System.nanoTime();
			}
		}
		catch (IOException ex) {
			// the next poll tells
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Seconds from {@code sinceNanos} until the count fell, if it fell and the server tells it. */
	OptionalDouble droppedAfterSeconds(long sinceNanos) {
		long dropped = this.droppedAt;
		return (dropped != 0) ? OptionalDouble.of((dropped - sinceNanos) / 1e9) : OptionalDouble.empty();
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
