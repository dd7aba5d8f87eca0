package dev.realtime.benchmarks.measure;

/**
 * A measurement window: wall time and the CPU time the server and the generator spent in it.
 */
public final class Window {

	private final long serverPid;

	private final long generatorPid = ProcessHandle.current().pid();

	private final long startNanos;

	private final CpuTime serverCpuStart;

	private final long generatorCpuStart;

	private Window(long serverPid) {
		this.serverPid = serverPid;
		this.serverCpuStart = ProcessStats.cpuTime(serverPid);
		this.generatorCpuStart = ProcessStats.cpuNanos(this.generatorPid);
		this.startNanos = System.nanoTime();
	}

	public static Window open(long serverPid) {
		return new Window(serverPid);
	}

	public Elapsed close() {
		long wall = System.nanoTime() - this.startNanos;
		CpuTime server = ProcessStats.cpuTime(this.serverPid);
		return new Elapsed(wall, server.totalNanos() - this.serverCpuStart.totalNanos(),
				server.systemNanos() - this.serverCpuStart.systemNanos(),
				ProcessStats.cpuNanos(this.generatorPid) - this.generatorCpuStart);
	}

	/**
	 * What a window measured.
	 *
	 * @param serverSystemCpuNanos the part of the server's CPU time spent in the kernel: socket reads and writes, and
	 *        on loopback much of the TCP work of both ends
	 */
	public record Elapsed(long wallNanos, long serverCpuNanos, long serverSystemCpuNanos, long generatorCpuNanos) {

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

		/** Share of the server's CPU time spent in the kernel, in percent. */
		public double serverKernelPercent() {
			return (this.serverCpuNanos > 0) ? 100.0 * this.serverSystemCpuNanos / this.serverCpuNanos : 0;
		}

		/** Share of one core the generator used, in percent. */
		public double generatorCpuPercent() {
			return 100.0 * this.generatorCpuNanos / this.wallNanos;
		}

	}

}
