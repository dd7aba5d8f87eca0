package dev.realtime.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw Engine.IO client on the JDK's HTTP client and WebSocket, to check the wire format exactly.
 */
public class EngineClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final String base;

	public EngineClient(int port, String path) {
		this.base = "localhost:" + port + path + "?EIO=4";
	}

	public String url(String query) {
		return "http://" + this.base + query;
	}

	public HttpResponse<String> get(String query, String... headers) throws Exception {
		return getAsync(query, headers).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	public CompletableFuture<HttpResponse<String>> getAsync(String query, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(query))).timeout(TIMEOUT);
		if (headers.length > 0) {
			request.headers(headers);
		}
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> post(String query, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(query)))
			.timeout(TIMEOUT)
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> send(String method, String query) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url(query)))
			.timeout(TIMEOUT)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Opens a polling session and returns its sid. */
	public String handshake() throws Exception {
		HttpResponse<String> response = get("&transport=polling");
		assertThat(response.statusCode()).isEqualTo(200);
		return handshakeValue(response.body()).get("sid").asString();
	}

	public static JsonNode handshakeValue(String packet) {
		assertThat(packet).startsWith("0");
		return JsonMapper.shared().readTree(packet.substring(1));
	}

	public Socket webSocket(String query, String... headers) throws Exception {
		Socket socket = new Socket();
		WebSocket.Builder builder = this.http.newWebSocketBuilder();
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		socket.webSocket = builder.buildAsync(URI.create(url(query).replace("http://", "ws://")), socket)
			.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		return socket;
	}

	/** A WebSocket whose received frames queue up: text as String, binary as byte[], the close as "CLOSED". */
	public static class Socket implements WebSocket.Listener {

		public static final String CLOSED = "CLOSED";

		public final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

		/** The pings answered, when the socket answers them itself. */
		public final BlockingQueue<String> pings = new LinkedBlockingQueue<>();

		private final StringBuilder text = new StringBuilder();

		private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

		private volatile boolean answerPings;

		public WebSocket webSocket;

		/** Answers the server's pings with pongs instead of queueing them, for tests above Engine.IO. */
		public Socket answeringPings() {
			this.answerPings = true;
			return this;
		}

		public Object next() throws InterruptedException {
			Object frame = this.received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(frame).as("frame received in time").isNotNull();
			return frame;
		}

		public String nextText() throws InterruptedException {
			Object frame = next();
			assertThat(frame).isInstanceOf(String.class).isNotEqualTo(CLOSED);
			return (String) frame;
		}

		public byte[] nextBinary() throws InterruptedException {
			Object frame = next();
			assertThat(frame).isInstanceOf(byte[].class);
			return (byte[]) frame;
		}

		public void send(String frame) {
			this.webSocket.sendText(frame, true).join();
		}

		public void send(byte[] frame) {
			this.webSocket.sendBinary(ByteBuffer.wrap(frame), true).join();
		}

		public void abort() {
			this.webSocket.abort();
		}

		public void awaitClose() throws InterruptedException {
			Object frame;
			do {
				frame = next();
			}
			while (!CLOSED.equals(frame));
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				if (this.answerPings && "2".contentEquals(this.text)) {
					this.pings.add("2");
					webSocket.sendText("3", true);
				}
				else {
					this.received.add(this.text.toString());
				}
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			this.binary.writeBytes(bytes);
			if (last) {
				this.received.add(this.binary.toByteArray());
				this.binary.reset();
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			this.received.add(CLOSED);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			this.received.add(CLOSED);
		}

	}

}
