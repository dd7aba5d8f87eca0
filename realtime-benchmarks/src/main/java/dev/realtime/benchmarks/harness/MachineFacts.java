package dev.realtime.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringBootVersion;

import dev.realtime.benchmarks.measure.ProcessStats;

/**
 * What the figures were measured on: machine, versions, and how busy the machine was.
 */
final class MachineFacts {

	private MachineFacts() {
	}

	static Map<String, String> collect(Path nodeDirectory) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put("CPU", cpuModel() + ", " + command("nproc", "--all") + " cores");
		facts.put("memory", meminfo("MemTotal:"));
		facts.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		facts.put("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		facts.put("Node", command("node", "--version"));
		facts.put("socket.io (reference)", packageVersion(nodeDirectory, "socket.io"));
		facts.put("Spring Boot", SpringBootVersion.getVersion());
		facts.put("Tomcat", org.apache.catalina.util.ServerInfo.getServerNumber());
		facts.put("Jetty", org.eclipse.jetty.util.Jetty.VERSION);
		facts.put("open files limit", command("sh", "-c", "ulimit -n"));
		facts.put("generator cores", ProcessStats.allowedCpus(ProcessHandle.current().pid()));
		return facts;
	}

	/** The load averages over 1, 5 and 15 minutes. */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException ex) {
			return "unknown CPU";
		}
	}

	private static String meminfo(String field) {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith(field))
				.map((line) -> line.substring(field.length()).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static String packageVersion(Path nodeDirectory, String name) {
		try {
			String json = Files.readString(nodeDirectory.resolve("node_modules").resolve(name).resolve("package.json"));
			int key = json.indexOf("\"version\"");
			int start = json.indexOf('"', json.indexOf(':', key)) + 1;
			return json.substring(start, json.indexOf('"', start));
		}
		catch (IOException | RuntimeException ex) {
			return "not installed";
		}
	}

	static String command(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes()).trim();
			process.waitFor(30, TimeUnit.SECONDS);
			return output;
		}
		catch (IOException ex) {
			return "unavailable";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unavailable";
		}
	}

}
