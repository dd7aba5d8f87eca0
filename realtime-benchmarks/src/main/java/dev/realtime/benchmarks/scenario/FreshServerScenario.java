package dev.realtime.benchmarks.scenario;

import java.util.List;

/**
 * A scenario that runs on a server started for it alone, with Spring Boot properties of its own (ignored by Node):
 * what it measures depends on the server's configuration, or on a server that has served nothing else.
 */
public interface FreshServerScenario extends Scenario {

	/** The Spring Boot properties its server is started with. */
	List<String> serverProperties();

}
