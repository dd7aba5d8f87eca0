package dev.realtime.metrics;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.realtime.server.DisconnectReason;

/** The counters of one namespace group, made once, so that counting an event looks nothing up in the registry. */
final class NamespaceMeters {

	private final MeterRegistry registry;

	private final String namespace;

	final Counter connects;

	final Counter ackTimeouts;

	private final Map<DisconnectReason, Counter> disconnects = new EnumMap<>(DisconnectReason.class);

	private final Map<String, Counter> received = new ConcurrentHashMap<>();

	private final Map<String, Counter> sent = new ConcurrentHashMap<>();

	NamespaceMeters(MeterRegistry registry, String namespace) {
		this.registry = registry;
		this.namespace = namespace;
		this.connects = Counter.builder("realtime.connects")
			.description("Sockets that connected to a namespace")
			.tag("namespace", namespace)
			.register(registry);
		this.ackTimeouts = Counter.builder("realtime.acks.timeouts")
			.description("Emits with acknowledgement that did not get every answer in time")
			.tag("namespace", namespace)
			.register(registry);
		for (DisconnectReason reason : DisconnectReason.values()) {
			this.disconnects.put(reason, Counter.builder("realtime.disconnects")
				.description("Sockets that left a namespace")
				.tag("namespace", namespace)
				.tag("reason", reason.reason())
				.register(registry));
		}
	}

	Counter disconnect(DisconnectReason reason) {
		return this.disconnects.get(reason);
	}

	Counter received(String event) {
		return this.received.computeIfAbsent(event, (name) -> event("realtime.events.received",
				"Events clients sent", name));
	}

	Counter sent(String event) {
		return this.sent.computeIfAbsent(event, (name) -> event("realtime.events.sent",
				"Events the server sent, once per recipient", name));
	}

	private Counter event(String meter, String description, String event) {
		return Counter.builder(meter)
			.description(description)
			.tag("namespace", this.namespace)
			.tag("event", event)
			.register(this.registry);
	}

}
