package dev.realtime.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Socket.IO cases of the official protocol test suite, frame by frame over a raw WebSocket, against handlers that
 * behave like the suite's reference server: "auth" echoes the CONNECT payload, "message" comes back as
 * "message-back", "message-with-ack" is acknowledged with its arguments.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(WireConformanceTests.SuiteHandlers.class)
class WireConformanceTests {

	@LocalServerPort
	int port;

	private Frames socket;

	@AfterEach
	void close() {
		if (this.socket != null) {
			this.socket.webSocket.abort();
		}
	}

	private Frames open() throws Exception {
		this.socket = new Frames();
		HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(URI.create("ws://localhost:" + this.port + "/socket.io/?EIO=4&transport=websocket"),
					this.socket)
			.get(5, TimeUnit.SECONDS);
		assertThat(this.socket.nextText()).startsWith("0{\"sid\":");
		return this.socket;
	}

	private Frames connected() throws Exception {
		Frames frames = open();
		frames.send("40");
		assertThat(frames.nextText()).startsWith("40{\"sid\":");
		assertThat(frames.nextText()).isEqualTo("42[\"auth\",{}]");
		return frames;
	}

	@Test
	void connectsToTheMainNamespaceWithAndWithoutPayload() throws Exception {
		connected();
		Frames withPayload = open();
		withPayload.send("40{\"token\":\"123\"}");
		assertThat(withPayload.nextText()).matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}");
		assertThat(withPayload.nextText()).isEqualTo("42[\"auth\",{\"token\":\"123\"}]");
	}

	@Test
	void connectsToACustomNamespaceWithPayload() throws Exception {
		Frames frames = open();
		frames.send("40/custom,{\"token\":\"abc\"}");
		assertThat(frames.nextText()).startsWith("40/custom,{\"sid\":");
		assertThat(frames.nextText()).isEqualTo("42/custom,[\"auth\",{\"token\":\"abc\"}]");
	}

	@Test
	void refusesAnUnknownNamespace() throws Exception {
		Frames frames = open();
		frames.send("40/random");
		assertThat(frames.nextText()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
	}

	@Test
	void closesUponAnInvalidHandshake() throws Exception {
		Frames frames = open();
		frames.send("4abc");
		assertThat(frames.closed()).isTrue();
	}

	@Test
	void staysOpenAfterLeavingTheMainNamespace() throws Exception {
		Frames frames = connected();
		frames.send("41");
		assertThat(frames.pings.poll(5, TimeUnit.SECONDS)).as("a ping after leaving").isNotNull();
		assertThat(frames.received).isEmpty();
	}

	@Test
	void keepsTheMainNamespaceAfterLeavingACustomOne() throws Exception {
		Frames frames = connected();
		frames.send("40/custom");
		assertThat(frames.nextText()).startsWith("40/custom,");
		assertThat(frames.nextText()).startsWith("42/custom,[\"auth\"");
		frames.send("41/custom");
		frames.send("42[\"message\",\"message to main namespace\",1,\"test\"]");
		assertThat(frames.nextText()).isEqualTo("42[\"message-back\",\"message to main namespace\",1,\"test\"]");
	}

	@Test
	void echoesPlainTextAndBinaryPacketsWithAndWithoutAcks() throws Exception {
		Frames frames = connected();
		frames.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
		assertThat(frames.nextText()).isEqualTo("42[\"message-back\",1,\"2\",{\"3\":[true]}]");

		frames.send("452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
		frames.send(new byte[] { 1, 2, 3 });
		frames.send(new byte[] { 4, 5, 6 });
		assertThat(frames.nextText())
			.isEqualTo("452-[\"message-back\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
		assertThat(frames.nextBinary()).containsExactly(1, 2, 3);
		assertThat(frames.nextBinary()).containsExactly(4, 5, 6);

		frames.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
		assertThat(frames.nextText()).isEqualTo("43456[1,\"2\",{\"3\":[false]}]");

		frames.send("452-789[\"message-with-ack\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
		frames.send(new byte[] { 1, 2, 3 });
		frames.send(new byte[] { 4, 5, 6 });
		assertThat(frames.nextText())
			.isEqualTo("462-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
		assertThat(frames.nextBinary()).containsExactly(1, 2, 3);
		assertThat(frames.nextBinary()).containsExactly(4, 5, 6);
	}

	@Test
	void closesUponUnknownPacketType() throws Exception {
		Frames frames = connected();
		frames.send("4abc");
		assertThat(frames.closed()).isTrue();
	}

	@Test
	void closesUponInvalidPayloadFormat() throws Exception {
		Frames frames = connected();
		frames.send("42{\"not\":\"an array\"}");
		assertThat(frames.closed()).isTrue();
	}

	@Test
	void closesUponInvalidAckId() throws Exception {
		Frames frames = connected();
		frames.send("42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
		assertThat(frames.closed()).isTrue();
	}

	@Test
	void closesAConnectionThatJoinsNoNamespaceInTime() throws Exception {
		Frames frames = open();
		assertThat(frames.closed()).isTrue();
	}

	/** The suite's reference handlers, on "/" and "/custom". */
	@TestConfiguration(proxyBeanMethods = false)
	static class SuiteHandlers {

		@Bean
		Namespace suiteCustom(RealtimeServer server) {
			register(server.sockets());
			return register(server.namespace("/custom"));
		}

		private static Namespace register(Namespace namespace) {
			namespace.onConnect((socket) -> socket.emit("auth", socket.handshake().auth()));
			namespace.on("message", (socket, args, ack) -> socket.emit("message-back", args.toArray()));
			namespace.on("message-with-ack", (socket, args, ack) -> ack.send(args.toArray()));
			return namespace;
		}

	}

	/** Received frames; pings are answered and kept apart. */
	static final class Frames implements WebSocket.Listener {

		private static final Object CLOSED = new Object();

		final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

		final BlockingQueue<String> pings = new LinkedBlockingQueue<>();

		private final StringBuilder text = new StringBuilder();

		private ByteBuffer binary = ByteBuffer.allocate(0);

		private WebSocket webSocket;

		@Override
		public void onOpen(WebSocket webSocket) {
			this.webSocket = webSocket;
			webSocket.request(Long.MAX_VALUE);
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				if ("2".contentEquals(this.text)) {
					this.pings.add("2");
					webSocket.sendText("3", true);
				}
				else {
					this.received.add(this.text.toString());
				}
				this.text.setLength(0);
			}
			return null;
		}

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			ByteBuffer joined = ByteBuffer.allocate(this.binary.remaining() + data.remaining());
			joined.put(this.binary).put(data).flip();
			this.binary = joined;
			if (last) {
				byte[] bytes = new byte[this.binary.remaining()];
				this.binary.get(bytes);
				this.received.add(bytes);
				this.binary = ByteBuffer.allocate(0);
			}
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

		void send(String frame) {
			this.webSocket.sendText(frame, true).join();
		}

		void send(byte[] frame) {
			this.webSocket.sendBinary(ByteBuffer.wrap(frame), true).join();
		}

		String nextText() throws InterruptedException {
			Object next = next();
			assertThat(next).isInstanceOf(String.class);
			return (String) next;
		}

		byte[] nextBinary() throws InterruptedException {
			Object next = next();
			assertThat(next).isInstanceOf(byte[].class);
			return (byte[]) next;
		}

		/** Whether the server closes the connection (frames before the close are skipped). */
		boolean closed() throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (System.nanoTime() < deadline) {
				if (this.received.poll(100, TimeUnit.MILLISECONDS) == CLOSED) {
					return true;
				}
			}
			return false;
		}

		private Object next() throws InterruptedException {
			Object next = this.received.poll(10, TimeUnit.SECONDS);
			assertThat(next).as("a frame within 10s").isNotNull();
			return next;
		}

	}

}
