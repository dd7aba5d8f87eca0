package dev.realtime.benchmarks.scenario;

import java.util.concurrent.CompletableFuture;

import dev.realtime.benchmarks.client.Connection;
import dev.realtime.benchmarks.client.Dialect;
import dev.realtime.benchmarks.client.FrameListener;
import dev.realtime.benchmarks.measure.Latencies;

/**
 * A healthy client of the broadcast room: counts the messages of a {@link PacedBroadcast} that it missed or got
 * out of order, and from a given sequence number on, times each one from its emission and the longest wait
 * between two.
 */
final class Subscriber implements FrameListener {

	private final Dialect dialect;

	private final long origin;

	private final long firstMeasured;

	private final Latencies latencies;

	private final CompletableFuture<Void> joined = new CompletableFuture<>();

	private final CompletableFuture<Void> reached = new CompletableFuture<>();

	private long next;

	private long missing;

	private long outOfOrder;

	private long lastArrival;

	private long longestGap;

	Subscriber(Dialect dialect, long origin, long firstMeasured, Latencies latencies) {
		this.dialect = dialect;
		this.origin = origin;
		this.firstMeasured = firstMeasured;
		this.latencies = latencies;
	}

	CompletableFuture<Void> joined() {
		return this.joined;
	}

	/** Completes when the first message arrived. */
	CompletableFuture<Void> reached() {
		return this.reached;
	}

	@Override
	public synchronized void onFrame(Connection connection, String frame) {
		int start = this.dialect.textDelivery(frame);
		if (start < 0) {
			if (this.dialect.isJoined(frame)) {
				this.joined.complete(null);
			}
			return;
		}
		long now = System.nanoTime();
		long sequence = Dialect.parseNumber(frame, start);
		long sentAt = Dialect.parseNumber(frame, frame.indexOf(' ', start) + 1);
		if (sequence == this.next) {
			this.next++;
		}
		else if (sequence > this.next) {
			this.missing += sequence - this.next;
			this.next = sequence + 1;
		}
		else {
			this.outOfOrder++;
		}
		if (sequence >= this.firstMeasured) {
			this.latencies.add(now - this.origin - sentAt);
			if (this.lastArrival != 0) {
				this.longestGap = Math.max(this.longestGap, now - this.lastArrival);
			}
			this.lastArrival = now;
		}
		this.reached.complete(null);
	}

	/** Whether every message up to this one arrived or was counted missing. */
	synchronized boolean passed(long last) {
		return this.next > last;
	}

	/** Messages up to {@code last} that did not arrive, or not in order. */
	synchronized long wrong(long last) {
		return this.missing + Math.max(0, last + 1 - this.next) + this.outOfOrder;
	}

	synchronized long longestGapNanos() {
		return this.longestGap;
	}

}
