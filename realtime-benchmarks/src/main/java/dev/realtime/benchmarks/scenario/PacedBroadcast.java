package dev.realtime.benchmarks.scenario;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.realtime.benchmarks.client.Connection;
import dev.realtime.benchmarks.client.Dialect;

/**
 * An emitter that asks the server to broadcast messages of {@value #MESSAGE_BYTES} bytes at a fixed rate, whatever
 * the recipients do. Each message is its sequence number, the time it was sent in nanoseconds since the origin, and
 * padding, separated by spaces.
 */
final class PacedBroadcast {

	static final int MESSAGE_BYTES = 2048;

	private static final String PADDING = "x".repeat(MESSAGE_BYTES);

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final Dialect dialect;

	private final Connection emitter;

	private final long origin;

	private long next;

	PacedBroadcast(Dialect dialect, Connection emitter, long origin) {
		this.dialect = dialect;
		this.emitter = emitter;
		this.origin = origin;
	}

	/** Sends the next message at once, ahead of {@link #start}. */
	void sendOne() {
		this.scheduler.execute(this::send);
	}

	void start(int perSecond) {
		this.scheduler.scheduleAtFixedRate(this::send, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
	}

	/** Stops sending and returns the sequence number of the last message sent. */
	long stop() throws InterruptedException {
		this.scheduler.shutdown();
		if (!this.scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
			throw new IllegalStateException("The emitter did not stop");
		}
		return this.next - 1;
	}

	private void send() {
		String head = this.next++ + " " + (System.nanoTime() - this.origin) + " ";
		this.emitter.send(this.dialect.fanoutRequest(head + PADDING.substring(head.length())));
	}

}
