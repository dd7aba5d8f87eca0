package dev.realtime.benchmarks.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a process, read from Linux's {@code /proc}.
 */
public final class ProcessStats {

	/** Linux reports CPU time in clock ticks of 1/100 s to every user program (USER_HZ). */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private ProcessStats() {
	}

	/** User and system CPU time of every thread of the process, so far. */
	public static long cpuNanos(long pid) {
		return cpuTime(pid).totalNanos();
	}

	/** User and system CPU time of every thread of the process so far, read at one instant. */
	public static CpuTime cpuTime(long pid) {
		String stat = read(pid, "stat");
		// the fields after the command name, which is in parentheses and may hold spaces
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long user = Long.parseLong(fields[11]) * NANOS_PER_TICK;
		long system = Long.parseLong(fields[12]) * NANOS_PER_TICK;
		return new CpuTime(user + system, system);
	}

	/** Resident set size. */
	public static long rssBytes(long pid) {
		return Long.parseLong(statusField(pid, "VmRSS:").replace("kB", "").trim()) * 1024;
	}

	/** File descriptors the process has open. */
	public static long openFiles(long pid) {
		try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
			return descriptors.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The most file descriptors the process may open: its soft limit. */
	public static long openFilesLimit(long pid) {
		return read(pid, "limits").lines()
			.filter((line) -> line.startsWith("Max open files"))
			.map((line) -> line.substring("Max open files".length()).trim().split("\\s+")[0])
			.map(Long::parseLong)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No open files limit for process " + pid));
	}

	/** The cores the process may run on, as {@code taskset} set them. */
	public static String allowedCpus(long pid) {
		return statusField(pid, "Cpus_allowed_list:").trim();
	}

	private static String statusField(long pid, String name) {
		return read(pid, "status").lines()
			.filter((line) -> line.startsWith(name))
			.map((line) -> line.substring(name.length()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No " + name + " for process " + pid));
	}

	private static String read(long pid, String file) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(pid), file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
