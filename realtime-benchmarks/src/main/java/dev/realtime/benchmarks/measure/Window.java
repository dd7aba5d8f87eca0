package dev.realtime.benchmarks.measure;

/**
 * A measurement window: wall time and the CPU time the server and the generator spent in it.
 */
public final class Window {

	private final long serverPid;

	private final long generatorPid = ProcessHandle.current().pid();

	private final long startNanos;

	private final long serverCpuStart;

	private final long generatorCpuStart;

	private Window(long serverPid) {
		this.serverPid = serverPid;
		this.serverCpuStart = ProcessStats.cpuNanos(serverPid);
		this.generatorCpuStart = ProcessStats.cpuNanos(this.generatorPid);
		this.startNanos = System.nanoTime();
	}

	public static Window open(long serverPid) {
		return new Window(serverPid);
	}

	public Elapsed close() {
		long wall = System.nanoTime() - this.startNanos;
		return new Elapsed(wall, ProcessStats.cpuNanos(this.serverPid) - this.serverCpuStart,
				ProcessStats.cpuNanos(this.generatorPid) - this.generatorCpuStart);
	}

	/** What a window measured. */
	public record Elapsed(long wallNanos, long serverCpuNanos, long generatorCpuNanos) {

		public double seconds() {
			return this.wallNanos / 1e9;
		}

		/** Server CPU microseconds per operation. */
		public double serverCpuMicrosPer(long operations) {
			return this.serverCpuNanos / 1e3 / operations;
		}

		/** Share of one core the server used, in percent. */
		public double serverCpuPercent() {
			return 100.0 * this.serverCpuNanos / this.wallNanos;
		}

		/** Share of one core the generator used, in percent. */
		public double generatorCpuPercent() {
			return 100.0 * this.generatorCpuNanos / this.wallNanos;
		}

	}

}
