package dev.realtime.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A whole application that starts (or fails to) with the starter: what its log says.
 */
@ExtendWith(OutputCaptureExtension.class)
class RealtimeStartupTests {

	@Test
	void logsTheEndpointOnceTheServerHasStarted(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("realtime.transports=websocket,polling")) {
			assertThat(output).containsOnlyOnce(
					"Realtime endpoint at /socket.io/ (websocket, polling), namespaces /, /chat, /workspace-{id}");
		}
	}

	@Test
	void keepsTheSameOriginAllowedBesideOtherOriginsAndLogsEveryRefusal(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = start("realtime.allowed-origins=https://*.example.com",
				"logging.level.dev.realtime.engine.EngineServer=debug")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String self = "http://localhost:" + port;
			assertThat(handshake(port, "polling", self).statusCode()).isEqualTo(200);
			assertThat(handshake(port, "polling", "https://app.example.com").statusCode()).isEqualTo(200);
			assertThat(handshake(port, "polling", "https://evil.example").statusCode()).isEqualTo(403);
			assertThat(handshake(port, "websockets", self).statusCode()).isEqualTo(400);
			assertThat(output).contains("Refused GET /socket.io/ with \"Forbidden\": origin \"https://evil.example\" "
					+ "is neither the endpoint's own nor one of realtime.allowed-origins")
				.contains("Refused GET /socket.io/ with \"Transport unknown\": transport \"websockets\" is not one "
						+ "of realtime.transports [polling, websocket]");
		}
	}

	@Test
	void refusesToStartWithSpringBootsReportOfTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("realtime.path=rt").close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property: realtime.path")
			.contains("Value: \"rt\"")
			.contains("Reason: must start with '/'")
			.doesNotContain("at org.apache.catalina");
	}

	@Test
	void warnsThatWebFluxRoutesAreNotServedInTheServletApplicationTheStarterMakes(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(output).contains("WebFlux is on the classpath, but the realtime starter brings Spring MVC")
				.contains("spring.main.web-application-type=servlet");
		}
	}

	@Test
	void staysQuietWhenTheApplicationChoseTheServletStack(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("spring.main.web-application-type=servlet")) {
			assertThat(output).contains("Realtime endpoint at /socket.io/").doesNotContain("WebFlux");
		}
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(ChatApplication.class).properties("server.port=0")
			.properties(properties)
			.run();
	}

	private static HttpResponse<String> handshake(int port, String transport, String origin) throws Exception {
		URI uri = URI.create("http://localhost:" + port + "/socket.io/?EIO=4&transport=" + transport);
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).header("Origin", origin).build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ChatApplication {

		@Bean
		ChatController chatController() {
			return new ChatController();
		}

		@Bean
		WorkspaceController workspaceController() {
			return new WorkspaceController();
		}

	}

	@RealtimeController("/chat")
	static class ChatController {

		@OnEvent("join")
		void join() {
		}

	}

	@RealtimeController("/workspace-{id}")
	static class WorkspaceController {

		@OnEvent("open")
		void open() {
		}

	}

}
