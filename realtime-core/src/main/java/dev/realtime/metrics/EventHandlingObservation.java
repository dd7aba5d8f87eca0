package dev.realtime.metrics;

import java.security.Principal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.realtime.server.RealtimeSocket;
import dev.realtime.server.ServerObserver.EventHandling;

/**
 * An {@link Observation} named {@value #NAME} around the handlers of each event, current while they run (so a span
 * of Micrometer Tracing is the parent of what they do). Low-cardinality key values: {@code namespace}, {@code event}
 * (as {@link RealtimeMetrics} tags it) and {@code outcome} ({@code success} or {@code error}); high-cardinality:
 * {@code socket.id} and, when the socket has one, {@code principal}.
 */
final class EventHandlingObservation {

	static final String NAME = "realtime.event.handling";

	private final ObservationRegistry registry;

	EventHandlingObservation(ObservationRegistry registry) {
		this.registry = registry;
	}

	EventHandling start(RealtimeSocket socket, String event) {
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName("realtime " + event)
			.lowCardinalityKeyValue("namespace", socket.namespace().group())
			.lowCardinalityKeyValue("event", event)
			.highCardinalityKeyValue("socket.id", socket.id());
		Principal principal = socket.principal();
		if (principal != null) {
			observation.highCardinalityKeyValue("principal", principal.getName());
		}
		observation.start();
		Observation.Scope scope = observation.openScope();
		return (failure) -> {
			scope.close();
			if (failure != null) {
				observation.error(failure);
			}
			observation.lowCardinalityKeyValue("outcome", (failure != null) ? "error" : "success").stop();
		};
	}

}
