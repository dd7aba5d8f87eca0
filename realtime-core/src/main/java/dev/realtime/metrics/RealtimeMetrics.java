package dev.realtime.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

import dev.realtime.middleware.MiddlewareLine;
import dev.realtime.middleware.MiddlewareTimeoutException;
import dev.realtime.middleware.Verdict;
import dev.realtime.server.DisconnectReason;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.RealtimeSocket;
import dev.realtime.server.ServerObserver;

/**
 * The server's meters, named {@code realtime.*}, with bounded tags: a namespace's {@link Namespace#group() group}
 * (a dynamic namespace's template, not each name it creates), the transport, a disconnect reason, a middleware line
 * and outcome, and an event name only when a handler declares it ({@value #OTHER} for the rest). Never a socket id, a
 * room or a user. Handlers of each event run inside an {@code Observation} ({@link EventHandlingObservation}) that
 * times them as {@code realtime.event.handling}.
 */
public final class RealtimeMetrics implements MeterBinder, ServerObserver {

	/** The event tag of events no handler declares. */
	public static final String OTHER = "other";

	private static final List<String> TRANSPORTS = List.of("polling", "websocket");

	private final RealtimeServer server;

	private final @Nullable ObservationRegistry observations;

	private final Map<String, NamespaceMeters> namespaces = new ConcurrentHashMap<>();

	private final Map<String, Counter> decisions = new ConcurrentHashMap<>();

	private final Map<String, Counter> refusedHandshakes = new ConcurrentHashMap<>();

	private @Nullable MeterRegistry registry;

	private @Nullable EventHandlingObservation handling;

	private @Nullable Counter bytesIn;

	private @Nullable Counter bytesOut;

	private @Nullable DistributionSummary queuedBytes;

	/**
	 * @param observations where the handling of events is observed (tracing, the timer); when null or a no-op
	 * registry, an own registry times handlers into the meter registry this binds to
	 */
	public RealtimeMetrics(RealtimeServer server, @Nullable ObservationRegistry observations) {
		this.server = server;
		this.observations = observations;
	}

	/** Registers the meters and starts counting; binds to one registry (a composite one to reach several). */
	@Override
	public synchronized void bindTo(MeterRegistry registry) {
		Assert.state(this.registry == null, "Realtime metrics are bound to a registry already");
		this.registry = registry;
		this.handling = new EventHandlingObservation(observationsFor(registry));
		this.bytesIn = bytes(registry, "in");
		this.bytesOut = bytes(registry, "out");
		this.queuedBytes = DistributionSummary.builder("realtime.outbound.queued.bytes")
			.description("Output that waits for a client once a send queued it (0 while the client keeps up)")
			.baseUnit(BaseUnits.BYTES)
			.register(registry);
		FunctionCounter.builder("realtime.adapter.publish.failures", this.server,
				(server) -> server.adapterStatus().failedPublications())
			.description("Publications that could not reach the other nodes of the cluster")
			.register(registry);
		this.server.namespaces().forEach(this::meters);
		this.server.addObserver(this);
	}

	private ObservationRegistry observationsFor(MeterRegistry registry) {
		if (this.observations != null && !this.observations.isNoop()) {
			return this.observations;
		}
		ObservationRegistry own = ObservationRegistry.create();
		own.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry));
		return own;
	}

	private static Counter bytes(MeterRegistry registry, String direction) {
		return Counter.builder("realtime.bytes")
			.description("Bytes of Socket.IO messages (Engine.IO message payloads)")
			.baseUnit(BaseUnits.BYTES)
			.tag("direction", direction)
			.register(registry);
	}

	private NamespaceMeters meters(Namespace namespace) {
		NamespaceMeters meters = this.namespaces.get(namespace.group());
		return (meters != null) ? meters : this.namespaces.computeIfAbsent(namespace.group(), this::register);
	}

	private NamespaceMeters register(String group) {
		MeterRegistry registry = registry();
		for (String transport : TRANSPORTS) {
			Gauge.builder("realtime.connections", this.server, (server) -> connections(server, group, transport))
				.description("Sockets connected now, counted from the live sockets")
				.tag("namespace", group)
				.tag("transport", transport)
				.register(registry);
		}
		return new NamespaceMeters(registry, group);
	}

	private static double connections(RealtimeServer server, String group, String transport) {
		int count = 0;
		for (Namespace namespace : server.namespaces()) {
			if (namespace.group().equals(group)) {
				for (RealtimeSocket socket : namespace.sockets()) {
					if (socket.transport().equals(transport)) {
						count++;
					}
				}
			}
		}
		return count;
	}

	private MeterRegistry registry() {
		MeterRegistry registry = this.registry;
		Assert.state(registry != null, "Not bound to a registry");
		return registry;
	}

	/** The event's name when a handler of the namespace declares it, else {@value #OTHER}: a bounded tag. */
	static String eventTag(Namespace namespace, String event) {
		return namespace.handles(event) ? event : OTHER;
	}

	@Override
	public void handshakeRefused(String reason) {
		this.refusedHandshakes.computeIfAbsent(reason,
				(key) -> Counter.builder("realtime.handshakes.refused")
					.description("Handshakes refused by a limit on their client address")
					.tag("reason", reason)
					.register(registry()))
			.increment();
	}

	@Override
	public void socketConnected(RealtimeSocket socket) {
		meters(socket.namespace()).connects.increment();
	}

	@Override
	public void socketDisconnected(RealtimeSocket socket, DisconnectReason reason) {
		meters(socket.namespace()).disconnect(reason).increment();
	}

	@Override
	public void eventReceived(RealtimeSocket socket, String event, List<?> args) {
		Namespace namespace = socket.namespace();
		meters(namespace).received(eventTag(namespace, event)).increment();
	}

	@Override
	public void eventSent(RealtimeSocket socket, String event, List<?> args) {
		Namespace namespace = socket.namespace();
		meters(namespace).sent(eventTag(namespace, event)).increment();
	}

	@Override
	public EventHandling eventHandling(RealtimeSocket socket, String event) {
		EventHandlingObservation handling = this.handling;
		return (handling != null) ? handling.start(socket, eventTag(socket.namespace(), event)) : EventHandling.NONE;
	}

	@Override
	public void middlewareDecided(MiddlewareLine line, Verdict verdict) {
		String outcome = outcome(verdict);
		this.decisions.computeIfAbsent(line.name() + ":" + outcome,
				(key) -> Counter.builder("realtime.middleware.decisions")
					.description("How runs of a middleware line ended")
					.tag("line", line.name())
					.tag("outcome", outcome)
					.register(registry()))
			.increment();
	}

	private static String outcome(Verdict verdict) {
		return switch (verdict.kind()) {
			case PROCEED -> "proceed";
			case BLOCK -> "block";
			case REJECT -> (verdict.error() instanceof MiddlewareTimeoutException) ? "timeout" : "reject";
		};
	}

	@Override
	public void ackTimedOut(Namespace namespace) {
		meters(namespace).ackTimeouts.increment();
	}

	@Override
	public void messageReceived(int bytes) {
		Counter counter = this.bytesIn;
		if (counter != null) {
			counter.increment(bytes);
		}
	}

	@Override
	public void messagesSent(int messages, long bytes, long queuedBytes) {
		Counter counter = this.bytesOut;
		DistributionSummary queued = this.queuedBytes;
		if (counter != null && queued != null) {
			counter.increment(bytes);
			queued.record(queuedBytes);
		}
	}

}
