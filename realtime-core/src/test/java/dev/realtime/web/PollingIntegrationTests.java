package dev.realtime.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.realtime.engine.EngineMessage;
import dev.realtime.engine.EngineSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import dev.realtime.support.EngineClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP long-polling: handshake, errors, payloads, held polls, limits, CORS and closing.
 */
class PollingIntegrationTests extends EngineIntegrationTests {

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
				public String url(String query) {
					return super.url(query).replace("EIO=4&", version);
				}
			};
			assertError(client.get("&transport=polling"), 400, 5, "Unsupported protocol version");
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

	private static void assertError(HttpResponse<String> response, int status, int code, String message) {
		assertThat(response.statusCode()).isEqualTo(status);
		if (message != null) {
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/json"));
			assertThat(response.body()).isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
		}
	}

}
