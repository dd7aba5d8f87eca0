package dev.realtime.benchmarks.servers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heap in use after a full collection, which the harness reads before and after it opens idle connections. It
 * answers only once the web server is up, so the harness also waits for it.
 */
@RestController
public class StatsController {

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	@GetMapping("/stats")
	public Map<String, Long> stats() {
		System.gc();
		System.gc();
		return Map.of("heapUsed", this.memory.getHeapMemoryUsage().getUsed());
	}

}
