package dev.realtime.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.support.EngineClient;
import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed input against the whole endpoint: seeded random and mutated HTTP requests and WebSocket frames. The
 * server must stay up, answer every request below 500 without a stack trace, log no stack trace, and still answer
 * a healthy client. Set {@code -Dfuzz.seed=...} to replay a run; the seed is printed.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(EndpointFuzzTests.Targets.class)
@ExtendWith(OutputCaptureExtension.class)
class EndpointFuzzTests {

	private static final String PATH = "/socket.io/";

	private static final int HTTP_REQUESTS = 2_000;

	private static final int WEBSOCKET_FRAMES = 400;

	private static final int RAW_WEBSOCKET_CONNECTIONS = 50;

	// a WARN or ERROR line of one of our loggers, in Spring Boot's console format
	private static final Pattern OUR_WARNINGS = Pattern.compile("(?m)^\\S+ +(WARN|ERROR) .* (dev\\.realtime|d\\.r)\\.\\S+ +:");

	@LocalServerPort
	int port;

	private final List<JavaClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(JavaClient::close);
	}

	@Test
	void garbageNeitherBreaksTheServerNorReachesClientsOrTheLog(CapturedOutput output) throws Exception {
		long seed = Long.getLong("fuzz.seed", System.nanoTime());
		System.out.println("EndpointFuzzTests seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
		EndpointGarbage garbage = new EndpointGarbage(seed);
		JavaClient overWebSocket = connect("websocket");
		JavaClient overPolling = connect("polling");
		int logStart = output.length();

		List<String> failures = new ArrayList<>();
		fuzzHttp(garbage, failures);
		fuzzWebSocketFrames(garbage, failures);
		fuzzRawWebSocket(garbage);

		assertThat(failures).as("seed " + seed).isEmpty();
		assertThat(overWebSocket.emitWithAck("echo", "still here")).containsExactly("still here");
		assertThat(overPolling.emitWithAck("echo", "still here")).containsExactly("still here");
		assertThat(connect("polling", "websocket").emitWithAck("echo", "new")).containsExactly("new");
		// the container's own refusals of unparsable requests are its to log (Tomcat's first one comes with a trace)
		String log = output.toString().substring(logStart);
		assertThat(log).as("seed " + seed).doesNotContain("\tat dev.realtime").doesNotContainPattern(OUR_WARNINGS);
	}

	private void fuzzHttp(EndpointGarbage garbage, List<String> failures) throws Exception {
		Map<Integer, Integer> statuses = new TreeMap<>();
		for (int i = 0; i < HTTP_REQUESTS; i++) {
			String sid = garbage.chance(40) ? pollingSession() : null;
			byte[] request = garbage.httpRequest(PATH, this.port, sid);
			boolean mutated = garbage.chance(15);
			if (mutated) {
				request = garbage.mutate(request, PATH);
			}
			RawHttp.Response response;
			try {
				response = RawHttp.exchange(this.port, request, mutated);
			}
			catch (IOException ex) {
				failures.add(ex.getMessage() + " for " + shown(request));
				continue;
			}
			statuses.merge((response != null) ? response.status() : 0, 1, Integer::sum);
			if (response != null && (isServerError(response.status()) || leaksInternals(response.body()))) {
				failures.add(response.status() + " " + response.body() + " for " + shown(request));
			}
		}
		System.out.println("EndpointFuzzTests statuses (0: closed without an answer): " + statuses);
	}

	private void fuzzWebSocketFrames(EndpointGarbage garbage, List<String> failures) throws Exception {
		EngineClient engine = new EngineClient(this.port, PATH);
		EngineClient.Socket socket = null;
		for (int i = 0; i < WEBSOCKET_FRAMES; i++) {
			if (socket == null || socket.webSocket.isOutputClosed() || socket.received.contains(EngineClient.Socket.CLOSED)) {
				if (socket != null) {
					checkReceived(socket, failures);
					socket.abort();
				}
				socket = engine.webSocket("&transport=websocket").answeringPings();
				socket.send("40");
			}
			try {
				if (garbage.chance(80)) {
					socket.webSocket.sendText(garbage.webSocketText(), true).get(5, TimeUnit.SECONDS);
				}
				else {
					socket.webSocket.sendBinary(ByteBuffer.wrap(garbage.webSocketBinary()), true)
						.get(5, TimeUnit.SECONDS);
				}
			}
			catch (ExecutionException ex) {
				// closed by the server meanwhile: the next frame goes to a new connection
			}
		}
		if (socket != null) {
			checkReceived(socket, failures);
			socket.abort();
		}
	}

	private static void checkReceived(EngineClient.Socket socket, List<String> failures) {
		for (Object frame : socket.received) {
			if (frame instanceof String text && leaksInternals(text)) {
				failures.add("WebSocket frame " + text);
			}
		}
	}

	private void fuzzRawWebSocket(EndpointGarbage garbage) throws Exception {
		for (int i = 0; i < RAW_WEBSOCKET_CONNECTIONS; i++) {
			try (Socket socket = new Socket("127.0.0.1", this.port)) {
				socket.setSoTimeout(2_000);
				OutputStream out = socket.getOutputStream();
				out.write(("GET " + PATH + "?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost:" + this.port
						+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
						+ "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				byte[] answer = new byte[12];
				assertThat(socket.getInputStream().readNBytes(answer, 0, 12)).isEqualTo(12);
				assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
				for (int frames = 0; frames < 5; frames++) {
					out.write(garbage.rawFrames());
				}
				out.flush();
			}
			catch (SocketException ex) {
				// closed by the server on a broken frame
			}
		}
	}

	/** Opens a long-polling session, so that requests can name a live sid. */
	private @Nullable String pollingSession() throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.port, ("GET " + PATH
				+ "?EIO=4&transport=polling HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII), false);
		assertThat(response).isNotNull();
		assertThat(response.status()).isEqualTo(200);
		return EngineClient.handshakeValue(response.body()).get("sid").asString();
	}

	private JavaClient connect(String... transports) {
		JavaClient client = JavaClient.connect(this.port, "/", Map.of(), transports).awaitConnect();
		this.clients.add(client);
		return client;
	}

	/**
	 * Whether the status says that the server failed. The container's own answers to a transfer coding it does not
	 * implement (501) and to an HTTP version it does not speak (505) are what HTTP prescribes for those requests.
	 */
	private static boolean isServerError(int status) {
		return status >= 500 && status != 501 && status != 505;
	}

	private static boolean leaksInternals(String body) {
		return body.contains("Exception") || body.contains("at dev.realtime") || body.contains("\tat ");
	}

	private static String shown(byte[] request) {
		String text = new String(request, StandardCharsets.ISO_8859_1);
		return (text.length() > 600) ? text.substring(0, 600) + "..." : text;
	}

	/** Handlers with typed parameters, so that garbage arguments meet every kind of conversion. */
	@RealtimeController
	static class Targets {

		record Point(int x, int y) {
		}

		@OnEvent("echo")
		Object echo(Object value) {
			return value;
		}

		@OnEvent("point")
		String point(Point point) {
			return String.valueOf(point);
		}

		@OnEvent("numbers")
		long numbers(int a, long b) {
			return a + b;
		}

		@OnEvent("list")
		int list(List<String> values) {
			return (values != null) ? values.size() : -1;
		}

		@OnEvent("bytes")
		int bytes(byte[] data) {
			return (data != null) ? data.length : -1;
		}

		@OnEvent("void")
		void nothing(Map<String, Integer> values) {
		}

	}

}
