package dev.realtime.benchmarks.servers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;

import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heap in use after a full collection, which the harness reads before and after it opens idle connections, and the
 * servlet container's connection limit (-1 for none). It answers only once the web server is up, so the harness
 * also waits for it.
 */
@RestController
public class StatsController {

	private static final boolean TOMCAT = ClassUtils.isPresent("org.springframework.boot.tomcat.TomcatWebServer",
			StatsController.class.getClassLoader());

	private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

	private final WebServerApplicationContext context;

	public StatsController(WebServerApplicationContext context) {
		this.context = context;
	}

	@GetMapping("/stats")
	public Map<String, Long> stats() {
		System.gc();
		System.gc();
		long limit = TOMCAT ? TomcatLimit.maxConnections(this.context) : -1;
		return Map.of("heapUsed", this.memory.getHeapMemoryUsage().getUsed(), "connectionLimit", limit);
	}

	/** Tomcat's classes, touched only where Tomcat is the container. */
	private static final class TomcatLimit {

		static long maxConnections(WebServerApplicationContext context) {
			if (context.getWebServer() instanceof TomcatWebServer tomcat
					&& tomcat.getTomcat().getConnector().getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
				return protocol.getMaxConnections();
			}
			return -1;
		}

	}

}
