package dev.realtime.benchmarks.harness;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The harness's own classpath, and a baseline's, holds both servlet containers; each server process gets it with one
 * of them taken out, so Spring Boot and Spring's WebSocket support see a single container.
 */
enum ServerClasspath {

	TOMCAT("jetty-", "spring-boot-jetty", "spring-boot-starter-jetty"),

	JETTY("tomcat-embed-core", "tomcat-embed-websocket", "spring-boot-tomcat", "spring-boot-starter-tomcat");

	private final List<String> excludedJars;

	ServerClasspath(String... excludedJars) {
		this.excludedJars = List.of(excludedJars);
	}

	/** The harness's own classpath without the other container. */
	String value() {
		return of(System.getProperty("java.class.path"));
	}

	/** This classpath without the other container. */
	String of(String classpath) {
		return Arrays.stream(classpath.split(File.pathSeparator))
			.filter((entry) -> !excluded(Path.of(entry).getFileName().toString()))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private boolean excluded(String jar) {
		return this.excludedJars.stream().anyMatch(jar::startsWith);
	}

}
