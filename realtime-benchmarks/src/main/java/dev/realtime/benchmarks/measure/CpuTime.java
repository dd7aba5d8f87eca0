package dev.realtime.benchmarks.measure;

/**
 * CPU time a process has used so far.
 *
 * @param totalNanos user and system time of all its threads
 * @param systemNanos the part of it spent in the kernel on the process's behalf
 */
public record CpuTime(long totalNanos, long systemNanos) {
}
