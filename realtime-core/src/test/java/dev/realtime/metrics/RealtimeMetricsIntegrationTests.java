package dev.realtime.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;

import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.EventMiddleware;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeServer;
import dev.realtime.support.JavaClient;
import dev.realtime.support.NodeClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters of a real server, counted into a {@link SimpleMeterRegistry} while the official Java and JavaScript
 * clients connect, emit and leave. Each test uses namespaces of its own.
 */
@SpringBootTest(classes = { RealtimeTestApplication.class, RealtimeMetricsIntegrationTests.Metrics.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class RealtimeMetricsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RealtimeServer server;

	@Autowired
	SimpleMeterRegistry registry;

	private final List<JavaClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(JavaClient::close);
	}

	private JavaClient connect(String namespace) {
		JavaClient client = JavaClient.connect(this.port, namespace, Map.of(), "websocket");
		this.clients.add(client);
		return client.awaitConnect();
	}

	@Test
	void countsConnectsEventsHandlingAndDisconnectsAndReadsConnectionsFromTheLiveSockets() throws Exception {
		Namespace namespace = this.server.namespace("/counted");
		namespace.on("echo", (socket, args, ack) -> ack.send(args.toArray()));
		namespace.on("fail", (socket, args, ack) -> {
			throw new RealtimeException("no");
		});
		namespace.onConnect((socket) -> socket.emit("echo", "welcome"));
		JavaClient client = connect("/counted");
		client.await("echo");
		assertThat(gauge("realtime.connections", "/counted", "websocket")).isEqualTo(1);
		assertThat(gauge("realtime.connections", "/counted", "polling")).isZero();
		String large = "x".repeat(1000);
		double bytesIn = counter("realtime.bytes", "direction", "in");
		client.emitWithAck("echo", large);
		client.emitWithAck("echo", "again");
		client.emitWithAck("fail");
		client.socket().emit("undeclared", "ignored");
		this.server.namespace("/counted").emit("news", "for everyone");
		client.await("news");

		await().untilAsserted(() -> assertThat(counter("realtime.events.received", "namespace", "/counted", "event",
				"other")).isEqualTo(1));
		assertThat(counter("realtime.connects", "namespace", "/counted")).isEqualTo(1);
		assertThat(counter("realtime.events.received", "namespace", "/counted", "event", "echo")).isEqualTo(2);
		assertThat(counter("realtime.events.received", "namespace", "/counted", "event", "fail")).isEqualTo(1);
		assertThat(counter("realtime.events.sent", "namespace", "/counted", "event", "echo")).isEqualTo(1);
		assertThat(counter("realtime.events.sent", "namespace", "/counted", "event", "other")).isEqualTo(1);
		assertThat(timer("/counted", "echo", "success").count()).isEqualTo(2);
		assertThat(timer("/counted", "fail", "error").count()).isEqualTo(1);
		assertThat(counter("realtime.bytes", "direction", "in") - bytesIn).isGreaterThan(1000);
		assertThat(counter("realtime.bytes", "direction", "out")).isGreaterThan(1000);
		assertThat(this.registry.get("realtime.outbound.queued.bytes").summary().count()).isPositive();

		client.close();
		await().untilAsserted(() -> assertThat(counter("realtime.disconnects", "namespace", "/counted", "reason",
				"client namespace disconnect")).isEqualTo(1));
		assertThat(gauge("realtime.connections", "/counted", "websocket")).isZero();
		assertThat(this.registry.find("realtime.events.received").tag("event", "undeclared").counter()).isNull();
	}

	@Test
	void countsTheJavaScriptClientOnLongPolling() {
		List<Double> pollingDuringEcho = new CopyOnWriteArrayList<>();
		Namespace namespace = this.server.namespace("/polled");
		namespace.on("echo", (socket, args, ack) -> {
			pollingDuringEcho.add(gauge("realtime.connections", "/polled", "polling"));
			ack.send(args.toArray());
		});
		JsonNode result = NodeClient.run("connect.js", "http://localhost:" + this.port,
				Map.of("namespace", "/polled", "expect", "", "emit", "echo", "transports", List.of("polling")));

		assertThat(result.get("connected").asBoolean()).isTrue();
		assertThat(pollingDuringEcho).containsExactly(1.0);
		// the script exits as soon as it closed the socket, so its last POST may not arrive: the reason varies
		await().untilAsserted(() -> assertThat(this.registry.find("realtime.disconnects")
			.tag("namespace", "/polled")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum()).isEqualTo(1));
		assertThat(counter("realtime.connects", "namespace", "/polled")).isEqualTo(1);
		assertThat(counter("realtime.events.received", "namespace", "/polled", "event", "echo")).isEqualTo(1);
		assertThat(gauge("realtime.connections", "/polled", "polling")).isZero();
	}

	@Test
	void tagsTheNamespacesOfATemplateWithTheTemplate() {
		this.server.dynamicNamespace("/workspace-{id}").on("echo", (socket, args, ack) -> ack.send());
		connect("/workspace-1");
		connect("/workspace-2");

		// the client may hear of its connection before the server counts it
		await().untilAsserted(
				() -> assertThat(counter("realtime.connects", "namespace", "/workspace-{id}")).isEqualTo(2));
		assertThat(gauge("realtime.connections", "/workspace-{id}", "websocket")).isEqualTo(2);
		assertThat(this.registry.find("realtime.connects").tag("namespace", "/workspace-1").counter()).isNull();
	}

	@Test
	void countsMiddlewareDecisionsByLineAndOutcome() throws Exception {
		Namespace namespace = this.server.namespace("/guarded");
		namespace.use((ConnectMiddleware) (context, next) -> next.proceed());
		namespace.use((EventMiddleware) (context, next) -> {
			switch (context.event()) {
				case "forbidden" -> next.reject(new RealtimeException("forbidden"));
				case "hush" -> next.block();
				case "stuck" -> {
					// never decides: the middleware timeout ends it
				}
				default -> next.proceed();
			}
		});
		namespace.on("echo", (socket, args, ack) -> ack.send());
		double connectsBefore = counter("realtime.middleware.decisions", "line", "CONNECT", "outcome", "proceed");
		JavaClient client = connect("/guarded");
		client.emitWithAck("echo");
		client.emitWithAck("forbidden");
		client.emitWithAck("hush");
		client.emitWithAck("stuck");

		// a decision may be counted just after its answer left
		await().untilAsserted(() -> assertThat(
				counter("realtime.middleware.decisions", "line", "EVENT", "outcome", "timeout")).isEqualTo(1));
		assertThat(counter("realtime.middleware.decisions", "line", "CONNECT", "outcome", "proceed") - connectsBefore)
			.isEqualTo(1);
		assertThat(counter("realtime.middleware.decisions", "line", "EVENT", "outcome", "proceed")).isEqualTo(1);
		assertThat(counter("realtime.middleware.decisions", "line", "EVENT", "outcome", "reject")).isEqualTo(1);
		assertThat(counter("realtime.middleware.decisions", "line", "EVENT", "outcome", "block")).isEqualTo(1);
	}

	@Test
	void countsAcknowledgementsThatDidNotComeInTime() throws Exception {
		CompletableFuture<Object> unanswered = new CompletableFuture<>();
		this.server.namespace("/silent").onConnect((socket) -> socket
			.emitWithAck(Duration.ofMillis(300), "question")
			.whenComplete((answer, failure) -> unanswered.complete(failure)));
		connect("/silent");

		assertThat(unanswered.get(10, TimeUnit.SECONDS)).isNotNull();
		await().untilAsserted(
				() -> assertThat(counter("realtime.acks.timeouts", "namespace", "/silent")).isEqualTo(1));
	}

	@Test
	void observesEachHandlingWithThePrincipalAsAHighCardinalityKeyValue() throws Exception {
		ObservationRegistry observations = ObservationRegistry.create();
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		new RealtimeMetrics(this.server, observations).bindTo(new SimpleMeterRegistry());
		List<Observation> current = new CopyOnWriteArrayList<>();
		Namespace namespace = this.server.namespace("/traced");
		namespace.use((ConnectMiddleware) (context, next) -> {
			context.setPrincipal(() -> "alice");
			next.proceed();
		});
		namespace.on("echo", (socket, args, ack) -> {
			current.add(observations.getCurrentObservation());
			ack.send();
		});
		connect("/traced").emitWithAck("echo");

		// the acknowledgement leaves before the handling ends
		await().untilAsserted(() -> assertThat(stopped).hasSize(1));
		Observation.Context context = stopped.get(0);
		assertThat(context.getName()).isEqualTo("realtime.event.handling");
		assertThat(context.getHighCardinalityKeyValue("principal").getValue()).isEqualTo("alice");
		assertThat(context.getLowCardinalityKeyValue("namespace").getValue()).isEqualTo("/traced");
		assertThat(context.getLowCardinalityKeyValue("event").getValue()).isEqualTo("echo");
		assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
		assertThat(current).singleElement().satisfies((observation) -> assertThat(observation.getContext())
			.isSameAs(context));
	}

	@Test
	void readsFailedPublicationsFromTheAdapterStatus() {
		assertThat(this.registry.get("realtime.adapter.publish.failures").functionCounter().count())
			.isEqualTo(this.server.adapterStatus().failedPublications());
	}

	private double counter(String name, String... tags) {
		Counter counter = this.registry.find(name).tags(tags).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private double gauge(String name, String namespace, String transport) {
		Gauge gauge = this.registry.get(name).tag("namespace", namespace).tag("transport", transport).gauge();
		return gauge.value();
	}

	private Timer timer(String namespace, String event, String outcome) {
		return this.registry.get("realtime.event.handling")
			.tag("namespace", namespace)
			.tag("event", event)
			.tag("outcome", outcome)
			.timer();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Metrics {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		RealtimeMetrics realtimeMetrics(RealtimeServer server, SimpleMeterRegistry registry) {
			RealtimeMetrics metrics = new RealtimeMetrics(server, null);
			metrics.bindTo(registry);
			return metrics;
		}

	}

}
