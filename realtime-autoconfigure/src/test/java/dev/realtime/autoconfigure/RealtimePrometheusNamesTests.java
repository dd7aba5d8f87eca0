package dev.realtime.autoconfigure;

import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.socket.client.IO;
import io.socket.client.Socket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.realtime.annotation.OnConnect;
import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.middleware.EventMiddleware;
import dev.realtime.server.RealtimeSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application with Micrometer's Prometheus registry: the names its scrape shows once a client connected, emitted
 * and left, as the README lists them.
 */
class RealtimePrometheusNamesTests {

	@Test
	void scrapeShowsTheRealtimeMeters() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EchoApplication.class)
			.properties("server.port=0")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			IO.Options options = IO.Options.builder().setTransports(new String[] { "websocket" }).build();
			options.forceNew = true;
			options.reconnection = false;
			Socket socket = IO.socket(URI.create("http://localhost:" + port + "/"), options);
			CompletableFuture<Object[]> answered = new CompletableFuture<>();
			socket.connect();
			socket.emit("echo", new Object[] { "hello" }, answered::complete);
			answered.get(10, TimeUnit.SECONDS);
			socket.close();
			PrometheusMeterRegistry registry = context.getBean(PrometheusMeterRegistry.class);
			await().untilAsserted(() -> assertThat(registry.scrape()).contains("realtime_disconnects_total{"
					+ "namespace=\"/\",reason=\"client namespace disconnect\"} 1"));

			assertThat(realtimeNames(registry.scrape())).contains("realtime_acks_timeouts_total",
					"realtime_adapter_publish_failures_total", "realtime_bytes_total", "realtime_connections",
					"realtime_connects_total", "realtime_disconnects_total", "realtime_event_handling_seconds_count",
					"realtime_event_handling_seconds_sum", "realtime_event_handling_seconds_max",
					"realtime_event_handling_active_seconds_count", "realtime_event_handling_active_seconds_sum",
					"realtime_event_handling_active_seconds_max",
					"realtime_events_received_total", "realtime_events_sent_total",
					"realtime_middleware_decisions_total", "realtime_outbound_queued_bytes_count",
					"realtime_outbound_queued_bytes_sum", "realtime_outbound_queued_bytes_max");
			assertThat(registry.scrape()).contains("realtime_event_handling_seconds_count{error=\"none\",event=\"echo\","
					+ "namespace=\"/\",outcome=\"success\"} 1")
				.contains("realtime_middleware_decisions_total{line=\"EVENT\",outcome=\"proceed\"} 1")
				.contains("realtime_events_sent_total{event=\"other\",namespace=\"/\"} 1");
		}
	}

	private static Set<String> realtimeNames(String scrape) {
		Set<String> names = new TreeSet<>();
		Arrays.stream(scrape.split("\n"))
			.filter((line) -> line.startsWith("realtime_"))
			.map((line) -> line.split("[{ ]")[0])
			.forEach(names::add);
		return names;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EchoApplication {

		@Bean
		EchoController echoController() {
			return new EchoController();
		}

		@Bean
		EventMiddleware proceedingMiddleware() {
			return (context, next) -> next.proceed();
		}

	}

	@RealtimeController
	static class EchoController {

		@OnConnect
		void welcome(RealtimeSocket socket) {
			socket.emit("welcome");
		}

		@OnEvent("echo")
		String echo(String text) {
			return text;
		}

	}

}
