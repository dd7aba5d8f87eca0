package dev.realtime.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.InMemoryAdapter;
import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code realtime.limits.*} and {@code realtime.dynamic-namespaces.*} properties in a whole application.
 */
class RealtimeLimitsTests {

	@Test
	void aHandshakePastTheConnectionsOfItsAddressIsRefusedAndCounted() throws Exception {
		try (ConfigurableApplicationContext context = start("realtime.limits.connections-per-address=1")) {
			assertThat(handshake(context).statusCode()).isEqualTo(200);
			HttpResponse<String> refused = handshake(context);
			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(refused.body()).isEqualTo("{\"code\":4,\"message\":\"Too many connections\"}");
			assertThat(context.getBean(PrometheusMeterRegistry.class).scrape())
				.contains("realtime_handshakes_refused_total{reason=\"too many connections\"} 1");
		}
	}

	@Test
	void aConnectionPastItsNamespacesGetsAConnectError() throws Exception {
		try (ConfigurableApplicationContext context = start("realtime.limits.namespaces-per-connection=1")) {
			IO.Options options = IO.Options.builder().setTransports(new String[] { "websocket" }).build();
			options.reconnection = false;
			Manager manager = new Manager(URI.create("http://localhost:" + port(context)), options);
			Socket first = manager.socket("/workspace-1");
			Socket second = manager.socket("/workspace-2");
			CompletableFuture<Object> connected = new CompletableFuture<>();
			CompletableFuture<Object> refused = new CompletableFuture<>();
			first.once(Socket.EVENT_CONNECT, connected::complete);
			first.connect();
			connected.get(10, TimeUnit.SECONDS);
			second.once(Socket.EVENT_CONNECT_ERROR, (args) -> refused.complete(args[0]));
			second.connect();
			assertThat(((JSONObject) refused.get(10, TimeUnit.SECONDS)).getString("message"))
				.isEqualTo("Too many namespaces on one connection");
			first.close();
			second.close();
		}
	}

	@Test
	void namespacesMadeFromATemplateAreRemovedWithTheirAdapterClosed() throws Exception {
		try (ConfigurableApplicationContext context = start()) {
			visit(context, "/workspace-5");
			await().until(() -> context.getBean(ClosedAdapters.class).namespaces.contains("/workspace-5"));
			assertThat(context.getBean(RealtimeServer.class).namespaces()).extracting(Namespace::name)
				.doesNotContain("/workspace-5");
		}
	}

	@Test
	void emptyNamespacesStayWhenCleanupIsOff() throws Exception {
		try (ConfigurableApplicationContext context = start("realtime.dynamic-namespaces.cleanup-empty=false")) {
			RealtimeServer server = context.getBean(RealtimeServer.class);
			visit(context, "/workspace-6");
			await().until(() -> server.socketCount() == 0);
			assertThat(server.namespaces()).extracting(Namespace::name).contains("/workspace-6");
			assertThat(context.getBean(ClosedAdapters.class).namespaces).isEmpty();
		}
	}

	/** Connects a socket to the namespace, asks it something, and leaves. */
	private static void visit(ConfigurableApplicationContext context, String namespace) throws Exception {
		IO.Options options = IO.Options.builder().setTransports(new String[] { "websocket" }).build();
		options.forceNew = true;
		options.reconnection = false;
		Socket socket = IO.socket(URI.create("http://localhost:" + port(context) + namespace), options);
		CompletableFuture<Object[]> answered = new CompletableFuture<>();
		socket.connect();
		socket.emit("where", new Object[0], answered::complete);
		assertThat(answered.get(10, TimeUnit.SECONDS)).containsExactly(namespace.substring("/workspace-".length()));
		socket.close();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(WorkspaceApplication.class).properties("server.port=0")
			.properties(properties)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static HttpResponse<String> handshake(ConfigurableApplicationContext context) throws Exception {
		URI uri = URI.create("http://localhost:" + port(context) + "/socket.io/?EIO=4&transport=polling");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class WorkspaceApplication {

		@Bean
		WorkspaceController workspaceController() {
			return new WorkspaceController();
		}

		@Bean
		ClosedAdapters closedAdapters() {
			return new ClosedAdapters();
		}

		@Bean
		AdapterFactory recordingAdapterFactory(ClosedAdapters closed) {
			return (namespace) -> new InMemoryAdapter(namespace) {

				@Override
				public void close() {
					closed.namespaces.add(namespace.name());
				}

			};
		}

	}

	static class ClosedAdapters {

		final List<String> namespaces = new CopyOnWriteArrayList<>();

	}

	@RealtimeController("/workspace-{id}")
	static class WorkspaceController {

		@OnEvent("where")
		String where(Namespace namespace) {
			return namespace.variables().get("id");
		}

	}

}
