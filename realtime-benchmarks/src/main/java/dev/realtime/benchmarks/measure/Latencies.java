package dev.realtime.benchmarks.measure;

import java.util.Arrays;

/**
 * Every latency of a window, kept exactly, for percentiles.
 */
public final class Latencies {

	private long[] values = new long[1 << 16];

	private int count;

	public synchronized void add(long nanos) {
		if (this.count == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.count * 2);
		}
		this.values[this.count++] = nanos;
	}

	public synchronized int count() {
		return this.count;
	}

	/** The latency below which this fraction of samples fall, in microseconds. */
	public synchronized double percentileMicros(double fraction) {
		if (this.count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.values, this.count);
		Arrays.sort(sorted);
		int index = (int) Math.min(this.count - 1, Math.ceil(fraction * this.count) - 1);
		return sorted[Math.max(0, index)] / 1e3;
	}

}
