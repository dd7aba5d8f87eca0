package dev.realtime.benchmarks.servers.realtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import dev.realtime.benchmarks.servers.StatsController;

/**
 * The starter under test, with the handlers every server under test has. Runs on Tomcat or Jetty, whichever the
 * classpath holds.
 */
@SpringBootApplication
@Import(StatsController.class)
public class RealtimeBenchmarkApplication {

	/** The namespace whose broadcasts pass one EMIT_OUT middleware. */
	public static final String EMIT_OUT_NAMESPACE = "/emit-out";

	public static void main(String[] args) {
		SpringApplication.run(RealtimeBenchmarkApplication.class, args);
	}

}
