package dev.realtime.benchmarks.scenario;

/**
 * Thrown when the server under test does not answer an event that the scenario needs a handler for: a server
 * built from an older revision may not have it.
 */
public class MissingHandlerException extends Exception {

	MissingHandlerException(String event) {
		super("no answer to the \"" + event + "\" event: the server has no handler for it");
	}

}
