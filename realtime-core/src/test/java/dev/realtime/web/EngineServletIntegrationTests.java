package dev.realtime.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.realtime.engine.EngineMessage;
import dev.realtime.engine.EngineOptions;
import dev.realtime.engine.EngineServer;
import dev.realtime.engine.EngineSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Engine.IO v4 over a real servlet container, checked on the wire. Two endpoints: {@code /socket.io/} with a slow
 * heartbeat, so that pings do not interleave with what a test checks, and {@code /heartbeat/} with the protocol test
 * suite's 300 ms ping interval and 200 ms ping timeout.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EngineServletIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("main")
	private EngineServer server;

	@Autowired
	@Qualifier("mainListener")
	private RecordingListener listener;

	@Autowired
	@Qualifier("heartbeat")
	private EngineServer heartbeatServer;

	@Autowired
	@Qualifier("heartbeatListener")
	private RecordingListener heartbeatListener;

	private EngineClient client;

	private EngineClient heartbeatClient;

	@BeforeEach
	void clients() {
		this.client = new EngineClient(this.port, "/socket.io/");
		this.heartbeatClient = new EngineClient(this.port, "/heartbeat/");
	}

	@AfterEach
	void noListenerOnContainerThreads() {
		assertThat(this.listener.violations).isEmpty();
		assertThat(this.heartbeatListener.violations).isEmpty();
	}

	@Test
	void pollingHandshake() throws Exception {
		HttpResponse<String> response = this.client.get("&transport=polling&t=Nx1");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").map(MediaType::parseMediaType))
			.hasValue(new MediaType("text", "plain", StandardCharsets.UTF_8));
		JsonNode value = EngineClient.handshakeValue(response.body());
		assertThat(value.propertyNames()).containsExactlyInAnyOrder("sid", "upgrades", "pingInterval", "pingTimeout",
				"maxPayload");
		assertThat(value.get("sid").asString()).matches("[A-Za-z0-9_-]{20}");
		assertThat(value.get("upgrades").toString()).isEqualTo("[\"websocket\"]");
		assertThat(value.get("pingInterval").asInt()).isEqualTo(25000);
		assertThat(value.get("pingTimeout").asInt()).isEqualTo(20000);
		assertThat(value.get("maxPayload").asInt()).isEqualTo(1000000);
		String sid = value.get("sid").asString();
		await().until(() -> this.listener.has("open:" + sid));
		assertThat(this.server.session(sid).request().queryParam("t")).isEqualTo("Nx1");
	}

	@Test
	void errorCodes() throws Exception {
		assertError(this.client.get("&transport=abc"), 400, 0, "Transport unknown");
		assertError(this.client.get(""), 400, 0, "Transport unknown");
		assertError(this.client.get("&transport=polling&sid=unknown"), 400, 1, "Session ID unknown");
		assertError(this.client.post("&transport=polling", "4hi"), 400, 2, "Bad handshake method");
		assertError(this.client.send("PUT", "&transport=polling"), 400, 2, "Bad handshake method");
		assertError(this.client.get("&transport=websocket"), 400, 3, "Bad request");
		assertError(this.client.get("&transport=polling", "Origin", "http://evil.example"), 403, 4, "Forbidden");
	}

	@Test
	void unsupportedProtocolVersion() throws Exception {
		for (String version : List.of("EIO=3&", "EIO=abc&", "")) {
			EngineClient client = new EngineClient(this.port, "/socket.io/") {
				@Override
				String url(String query) {
					return super.url(query).replace("EIO=4&", version);
				}
			};
			assertError(client.get("&transport=polling"), 400, 5, "Unsupported protocol version");
		}
	}

	private static void assertError(HttpResponse<String> response, int status, int code, String message) {
		assertThat(response.statusCode()).isEqualTo(status);
		if (message != null) {
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/json"));
			assertThat(response.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
		}
	}

	@Test
	void pollingSendsAndReceivesTextAndBinary() throws Exception {
		String sid = this.client.handshake();
		HttpResponse<String> push = this.client.post("&transport=polling&sid=" + sid,
				"4hello\u001e4test2\u001ebAQIDBA==");
		assertThat(push.statusCode()).isEqualTo(200);
		assertThat(push.body()).isEqualTo("ok");
		assertThat(push.headers().firstValue("Content-Type")).hasValue("text/html");
		await().until(() -> this.listener.count("binary:" + sid) == 1);
		HttpResponse<String> poll = this.client.get("&transport=polling&sid=" + sid);
		assertThat(poll.body()).isEqualTo("4hello\u001e4test2\u001ebAQIDBA==");
		assertThat(this.listener.events).containsSubsequence("open:" + sid, "message:" + sid + ":hello",
				"message:" + sid + ":test2", "binary:" + sid + ":4");
	}

	@Test
	void heldPollIsReleasedByMessage() throws Exception {
		String sid = this.client.handshake();
		CompletableFuture<HttpResponse<String>> poll = this.client.getAsync("&transport=polling&sid=" + sid);
		Thread.sleep(200);
		assertThat(poll).isNotDone();
		this.client.post("&transport=polling&sid=" + sid, "4later");
		assertThat(poll.get().body()).isEqualTo("4later");
	}

	@Test
	void secondConcurrentPollClosesSession() throws Exception {
		String sid = this.client.handshake();
		CompletableFuture<HttpResponse<String>> first = this.client.getAsync("&transport=polling&sid=" + sid);
		Thread.sleep(200);
		HttpResponse<String> second = this.client.get("&transport=polling&sid=" + sid + "&t=burst");
		assertThat(second.statusCode()).isEqualTo(400);
		assertThat(first.get().statusCode()).isEqualTo(200);
		assertThat(first.get().body()).isEqualTo("1");
		assertThat(this.client.get("&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
		await().until(() -> this.listener.has("close:" + sid + ":transport error"));
	}

	@Test
	void postOverMaxPayloadIsRefusedAndClosesSession() throws Exception {
		String sid = this.client.handshake();
		HttpResponse<String> push = this.client.post("&transport=polling&sid=" + sid, "4" + "x".repeat(1_000_000));
		assertThat(push.statusCode()).isEqualTo(413);
		await().until(() -> this.listener.has("close:" + sid + ":transport error"));
		assertThat(this.client.get("&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
	}

	@Test
	void parseErrorClosesOnlyThatSession() throws Exception {
		String broken = this.client.handshake();
		String healthy = this.client.handshake();
		assertThat(this.client.post("&transport=polling&sid=" + broken, "abc").statusCode()).isEqualTo(400);
		assertThat(this.client.get("&transport=polling&sid=" + broken).statusCode()).isEqualTo(400);
		await().until(() -> this.listener.has("close:" + broken + ":parse error"));
		this.client.post("&transport=polling&sid=" + healthy, "4still here");
		assertThat(this.client.get("&transport=polling&sid=" + healthy).body()).isEqualTo("4still here");
	}

	@Test
	void clientClosePacketEndsHeldPollWithNoop() throws Exception {
		String sid = this.client.handshake();
		CompletableFuture<HttpResponse<String>> poll = this.client.getAsync("&transport=polling&sid=" + sid);
		Thread.sleep(200);
		this.client.post("&transport=polling&sid=" + sid, "1");
		assertThat(poll.get().body()).isEqualTo("6");
		assertThat(this.client.get("&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
		await().until(() -> this.listener.has("close:" + sid + ":transport close"));
	}

	@Test
	void serverCloseSendsClosePacketOnNextPoll() throws Exception {
		String sid = this.client.handshake();
		EngineSession session = this.server.session(sid);
		session.send(EngineMessage.text("bye"));
		session.close();
		assertThat(this.client.get("&transport=polling&sid=" + sid).body()).isEqualTo("4bye\u001e1");
		await().until(() -> this.listener.has("close:" + sid + ":forced close"));
		assertThat(this.listener.count("close:" + sid)).isEqualTo(1);
	}

	@Test
	void slowPollingClientIsDisconnected() throws Exception {
		String sid = this.client.handshake();
		EngineSession session = this.server.session(sid);
		for (int i = 0; i < 3; i++) {
			session.send(EngineMessage.binary(new byte[800_000]));
		}
		await().until(() -> this.listener.has("close:" + sid + ":transport error"));
		assertThat(session.isOpen()).isFalse();
	}

	@Test
	void corsForAllowedOriginAndPreflight() throws Exception {
		String origin = "http://localhost:" + this.port;
		HttpResponse<String> response = this.client.get("&transport=polling", "Origin", origin);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(origin);
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
		HttpResponse<String> preflight = this.client.send("OPTIONS", "&transport=polling");
		assertThat(preflight.statusCode()).isEqualTo(204);
	}

	@Test
	void webSocketHandshakeAndEcho() throws Exception {
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket");
		JsonNode value = EngineClient.handshakeValue((String) socket.next());
		assertThat(value.get("upgrades").toString()).isEqualTo("[]");
		String sid = value.get("sid").asString();
		socket.send("4hello");
		assertThat(socket.next()).isEqualTo("4hello");
		socket.webSocket.sendBinary(java.nio.ByteBuffer.wrap(new byte[] { 1, 2, 3, 4 }), true).join();
		assertThat((byte[]) socket.next()).containsExactly(1, 2, 3, 4);
		String large = "4" + "y".repeat(100_000);
		socket.send(large);
		assertThat(socket.next()).isEqualTo(large);
		socket.webSocket.sendClose(1000, "").join();
		await().until(() -> this.listener.has("close:" + sid + ":transport close"));
	}

	@Test
	void webSocketParseErrorAndClosePacket() throws Exception {
		EngineClient.Socket broken = this.client.webSocket("&transport=websocket");
		String brokenSid = EngineClient.handshakeValue((String) broken.next()).get("sid").asString();
		broken.send("abc");
		broken.awaitClose();
		await().until(() -> this.listener.has("close:" + brokenSid + ":parse error"));
		EngineClient.Socket closing = this.client.webSocket("&transport=websocket");
		String closingSid = EngineClient.handshakeValue((String) closing.next()).get("sid").asString();
		closing.send("1");
		closing.awaitClose();
		await().until(() -> this.listener.has("close:" + closingSid + ":transport close"));
	}

	@Test
	void webSocketOverMaxPayloadIsClosed() throws Exception {
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket");
		String sid = EngineClient.handshakeValue((String) socket.next()).get("sid").asString();
		socket.webSocket.sendText("4" + "z".repeat(1_000_000), true);
		socket.awaitClose();
		await().until(() -> this.listener.count("close:" + sid) == 1);
		assertThat(this.listener.count("message:" + sid)).isZero();
	}

	@Test
	void webSocketWithInvalidQueryIsRefused() {
		EngineClient noVersion = new EngineClient(this.port, "/socket.io/") {
			@Override
			String url(String query) {
				return super.url(query).replace("EIO=4&", "");
			}
		};
		for (String query : List.of("&transport=websocket", "", "&transport=abc")) {
			EngineClient client = query.isEmpty() ? this.client : noVersion;
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> client.webSocket(query))
				.havingCause()
				.isInstanceOfSatisfying(WebSocketHandshakeException.class,
						(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(400));
		}
	}

	@Test
	void webSocketFromForeignOriginIsForbidden() {
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.client.webSocket("&transport=websocket", "Origin", "http://evil.example"))
			.havingCause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(403));
	}

	@Test
	void upgradeFromPolling() throws Exception {
		String sid = this.client.handshake();
		CompletableFuture<HttpResponse<String>> heldPoll = this.client.getAsync("&transport=polling&sid=" + sid);
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket&sid=" + sid);
		socket.send("2probe");
		assertThat(socket.next()).isEqualTo("3probe");
		assertThat(heldPoll.get().body()).isEqualTo("6");
		assertThat(this.client.get("&transport=polling&sid=" + sid).body()).isEqualTo("6");
		this.server.session(sid).send(EngineMessage.text("queued during upgrade"));
		socket.send("5");
		assertThat(socket.next()).isEqualTo("4queued during upgrade");
		socket.send("4hello");
		assertThat(socket.next()).isEqualTo("4hello");
		assertThat(this.server.session(sid).transport()).isEqualTo("websocket");
		assertThat(this.client.get("&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);

		EngineClient.Socket second = this.client.webSocket("&transport=websocket&sid=" + sid);
		second.awaitClose();
		socket.send("4still upgraded");
		assertThat(socket.next()).isEqualTo("4still upgraded");
		assertThat(this.listener.count("close:" + sid)).isZero();
	}

	@Test
	void pollDuringUpgradeIsRefusedOnceUpgraded() throws Exception {
		String sid = this.client.handshake();
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket&sid=" + sid);
		socket.send("2probe");
		assertThat(socket.next()).isEqualTo("3probe");
		CompletableFuture<HttpResponse<String>> poll = this.client.getAsync("&transport=polling&sid=" + sid);
		socket.send("5");
		assertThat(poll.get().statusCode()).isEqualTo(400);
		socket.send("4upgraded");
		assertThat(socket.next()).isEqualTo("4upgraded");
	}

	@Test
	void upgradeWithoutProbeClosesTheSocketOnly() throws Exception {
		String sid = this.client.handshake();
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket&sid=" + sid);
		socket.send("4not a probe");
		socket.awaitClose();
		this.client.post("&transport=polling&sid=" + sid, "4polling still works");
		assertThat(this.client.get("&transport=polling&sid=" + sid).body()).isEqualTo("4polling still works");
	}

	@Test
	void pollingPingPong() throws Exception {
		String sid = this.heartbeatClient.handshake();
		for (int i = 0; i < 3; i++) {
			assertThat(this.heartbeatClient.get("&transport=polling&sid=" + sid).body()).isEqualTo("2");
			assertThat(this.heartbeatClient.post("&transport=polling&sid=" + sid, "3").statusCode()).isEqualTo(200);
		}
		assertThat(this.heartbeatListener.count("close:" + sid)).isZero();
	}

	@Test
	void pollingPingTimeout() throws Exception {
		String sid = this.heartbeatClient.handshake();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.heartbeatListener.has("close:" + sid + ":ping timeout"));
		assertThat(this.heartbeatClient.get("&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);
	}

	@Test
	void webSocketPingPongAndTimeout() throws Exception {
		EngineClient.Socket socket = this.heartbeatClient.webSocket("&transport=websocket");
		String sid = EngineClient.handshakeValue((String) socket.next()).get("sid").asString();
		for (int i = 0; i < 3; i++) {
			assertThat(socket.next()).isEqualTo("2");
			socket.send("3");
		}
		assertThat(socket.next()).isEqualTo("2");
		socket.awaitClose();
		await().until(() -> this.heartbeatListener.has("close:" + sid + ":ping timeout"));
		assertThat(this.heartbeatListener.count("close:" + sid)).isEqualTo(1);
	}

	@Test
	void serverShutdownClosesSessions() throws Exception {
		EngineClient.Socket socket = this.heartbeatClient.webSocket("&transport=websocket");
		String sid = EngineClient.handshakeValue((String) socket.next()).get("sid").asString();
		this.heartbeatServer.close();
		Object frame;
		do {
			frame = socket.next();
		}
		while ("2".equals(frame));
		assertThat(frame).isEqualTo("1");
		socket.awaitClose();
		await().until(() -> this.heartbeatListener.has("close:" + sid + ":server shutting down"));
		assertThat(this.heartbeatServer.sessionCount()).isZero();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		ThreadPoolTaskExecutor engineExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(4);
			executor.setThreadNamePrefix("engine-");
			return executor;
		}

		@Bean
		ThreadPoolTaskScheduler engineScheduler() {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("engine-timer-");
			return scheduler;
		}

		@Bean
		RecordingListener mainListener() {
			return new RecordingListener();
		}

		@Bean
		RecordingListener heartbeatListener() {
			return new RecordingListener();
		}

		@Bean(destroyMethod = "close")
		EngineServer main(RecordingListener mainListener, ThreadPoolTaskExecutor engineExecutor,
				ThreadPoolTaskScheduler engineScheduler) {
			EngineOptions options = new EngineOptions("/socket.io/", Duration.ofSeconds(25), Duration.ofSeconds(20),
					1_000_000, Duration.ofSeconds(10), Set.of(EngineOptions.POLLING, EngineOptions.WEBSOCKET), List.of(),
					2_000_000);
			return new EngineServer(options, mainListener, engineExecutor, engineScheduler);
		}

		@Bean(destroyMethod = "close")
		EngineServer heartbeat(RecordingListener heartbeatListener, ThreadPoolTaskExecutor engineExecutor,
				ThreadPoolTaskScheduler engineScheduler) {
			EngineOptions options = new EngineOptions("/heartbeat/", Duration.ofMillis(300), Duration.ofMillis(200),
					1_000_000, Duration.ofSeconds(10), Set.of(EngineOptions.POLLING, EngineOptions.WEBSOCKET), List.of(),
					16 * 1024 * 1024);
			return new EngineServer(options, heartbeatListener, engineExecutor, engineScheduler);
		}

		@Bean
		ServletRegistrationBean<EngineServlet> mainServlet(@Qualifier("main") EngineServer main) {
			return registration(main, "main");
		}

		@Bean
		ServletRegistrationBean<EngineServlet> heartbeatServlet(@Qualifier("heartbeat") EngineServer heartbeat) {
			return registration(heartbeat, "heartbeat");
		}

		private static ServletRegistrationBean<EngineServlet> registration(EngineServer server, String name) {
			ServletRegistrationBean<EngineServlet> registration = new ServletRegistrationBean<>(
					new EngineServlet(server), EngineServlet.urlMapping(server.options()));
			registration.setName(name);
			registration.setAsyncSupported(true);
			registration.setLoadOnStartup(1);
			return registration;
		}

	}

}
