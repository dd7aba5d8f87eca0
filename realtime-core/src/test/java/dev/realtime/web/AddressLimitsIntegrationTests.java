package dev.realtime.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.socket.client.IO;
import io.socket.client.Socket;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import dev.realtime.engine.EngineServer;
import dev.realtime.server.RealtimeServer;
import dev.realtime.support.JavaClient;
import dev.realtime.support.LocalAddressSocketFactory;
import dev.realtime.support.NodeClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * At most two connections per client address: clients on other loopback addresses (127.0.0.2, 127.0.0.3) show one
 * address refused while another is served, with the official Java and JavaScript clients and on the wire.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "test.connections-per-address=2")
class AddressLimitsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	EngineServer engine;

	@Autowired
	RealtimeServer server;

	@BeforeEach
	@AfterEach
	void everySessionClosedAndEveryAddressForgotten() {
		await().until(() -> this.engine.sessionCount() == 0 && this.engine.limits().trackedAddresses() == 0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "polling", "websocket" })
	void anAddressPastItsConnectionsIsRefusedWhileAnotherIsServed(String transport) {
		try (JavaClient first = connectFrom("127.0.0.2", transport).awaitConnect();
				JavaClient second = connectFrom("127.0.0.2", transport).awaitConnect();
				JavaClient refused = connectFrom("127.0.0.2", transport);
				JavaClient other = connectFrom("127.0.0.3", transport).awaitConnect()) {
			assertThat(refused.await(Socket.EVENT_CONNECT_ERROR)[0]).hasToString("io.socket.engineio.client.EngineIOException: "
					+ (transport.equals("polling") ? "xhr poll error" : "websocket error"));
			assertThat(other.socket().connected()).isTrue();
			first.close();
			await().until(() -> this.engine.sessionCount() == 2);
			try (JavaClient again = connectFrom("127.0.0.2", transport)) {
				again.awaitConnect();
			}
		}
	}

	@Test
	void aRefusedHandshakeIsAnsweredWith403AndEngineIosErrorBody() throws Exception {
		try (JavaClient first = connectFrom("127.0.0.2", "websocket").awaitConnect();
				JavaClient second = connectFrom("127.0.0.2", "polling").awaitConnect()) {
			Refusal polling = refusal("127.0.0.2", "polling");
			assertThat(polling.status()).isEqualTo(403);
			assertThat(polling.contentType()).startsWith("application/json");
			assertThat(polling.body()).isEqualTo("{\"code\":4,\"message\":\"Too many connections\"}");
			Refusal webSocket = refusal("127.0.0.2", "websocket");
			assertThat(webSocket.status()).isEqualTo(403);
			assertThat(webSocket.body()).isEqualTo("{\"code\":4,\"message\":\"Too many connections\"}");
			assertThat(refusal("127.0.0.3", "polling").status()).as("another address").isEqualTo(200);
		}
	}

	@Test
	void aSessionThatUpgradesToWebSocketCountsOnce() {
		try (JavaClient first = connectFrom("127.0.0.2", "polling", "websocket");
				JavaClient second = connectFrom("127.0.0.2", "polling", "websocket")) {
			first.awaitConnect();
			second.awaitConnect();
			await().until(() -> this.server.connectionCount("websocket") == 2);
			assertThat(this.engine.sessionCount()).isEqualTo(2);
		}
	}

	@Test
	void theJavaScriptClientFromOneAddressIsRefusedWhileAnotherIsServed() {
		for (String transport : List.of("polling", "websocket")) {
			JsonNode result = NodeClient.run("limits.js", "http://127.0.0.1:" + this.port, Map.of("addresses",
					List.of("127.0.0.2", "127.0.0.2", "127.0.0.2", "127.0.0.3"), "transports", List.of(transport)));
			JsonNode sockets = result.get("sockets");
			assertThat(sockets.get(0).get("connected").asBoolean()).isTrue();
			assertThat(sockets.get(1).get("connected").asBoolean()).isTrue();
			assertThat(sockets.get(2).get("connected").asBoolean()).as(transport).isFalse();
			assertThat(sockets.get(2).get("status").asString()).as(transport)
				.isEqualTo(transport.equals("polling") ? "403" : "Unexpected server response: 403");
			assertThat(sockets.get(3).get("connected").asBoolean()).as(transport).isTrue();
			everySessionClosedAndEveryAddressForgotten();
		}
	}

	private JavaClient connectFrom(String address, String... transports) {
		OkHttpClient http = new OkHttpClient.Builder().socketFactory(new LocalAddressSocketFactory(address)).build();
		IO.Options options = IO.Options.builder().setTransports(transports).build();
		options.callFactory = http;
		options.webSocketFactory = http;
		return JavaClient.connect(URI.create("http://127.0.0.1:" + this.port + "/"), options);
	}

	/** A handshake from this address, as the raw HTTP exchange. */
	private Refusal refusal(String address, String transport) throws Exception {
		OkHttpClient http = new OkHttpClient.Builder().socketFactory(new LocalAddressSocketFactory(address)).build();
		Request request = new Request.Builder()
			.url("http://127.0.0.1:" + this.port + "/socket.io/?EIO=4&transport=" + transport)
			.build();
		if (transport.equals("polling")) {
			try (Response response = http.newCall(request).execute()) {
				return new Refusal(response.code(), response.header("Content-Type"), response.body().string());
			}
		}
		CompletableFuture<Refusal> refused = new CompletableFuture<>();
		http.newWebSocket(request, new WebSocketListener() {

			@Override
			public void onOpen(WebSocket webSocket, Response response) {
				webSocket.close(1000, null);
				refused.complete(new Refusal(response.code(), null, ""));
			}

			@Override
			public void onFailure(WebSocket webSocket, Throwable failure, @Nullable Response response) {
				try {
					refused.complete((response != null) ? new Refusal(response.code(),
							response.header("Content-Type"), response.body().string()) : null);
				}
				catch (Exception ex) {
					refused.completeExceptionally(ex);
				}
			}

		});
		return refused.get(JavaClient.WAIT_SECONDS, TimeUnit.SECONDS);
	}

	record Refusal(int status, @Nullable String contentType, String body) {
	}

}
