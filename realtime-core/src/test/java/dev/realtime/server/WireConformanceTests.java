package dev.realtime.server;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.realtime.support.EngineClient;
import dev.realtime.support.EngineClient.Socket;
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

	private Socket socket;

	@AfterEach
	void close() {
		if (this.socket != null) {
			this.socket.abort();
		}
	}

	private Socket open() throws Exception {
		this.socket = new EngineClient(this.port, "/socket.io/").webSocket("&transport=websocket").answeringPings();
		assertThat(this.socket.nextText()).startsWith("0{\"sid\":");
		return this.socket;
	}

	private Socket connected() throws Exception {
		Socket frames = open();
		frames.send("40");
		assertThat(frames.nextText()).startsWith("40{\"sid\":");
		assertThat(frames.nextText()).isEqualTo("42[\"auth\",{}]");
		return frames;
	}

	@Test
	void connectsToTheMainNamespaceWithAndWithoutPayload() throws Exception {
		connected();
		Socket withPayload = open();
		withPayload.send("40{\"token\":\"123\"}");
		assertThat(withPayload.nextText()).matches("40\\{\"sid\":\"[A-Za-z0-9_-]{20}\"}");
		assertThat(withPayload.nextText()).isEqualTo("42[\"auth\",{\"token\":\"123\"}]");
	}

	@Test
	void connectsToACustomNamespaceWithPayload() throws Exception {
		Socket frames = open();
		frames.send("40/custom,{\"token\":\"abc\"}");
		assertThat(frames.nextText()).startsWith("40/custom,{\"sid\":");
		assertThat(frames.nextText()).isEqualTo("42/custom,[\"auth\",{\"token\":\"abc\"}]");
	}

	@Test
	void refusesAnUnknownNamespace() throws Exception {
		Socket frames = open();
		frames.send("40/random");
		assertThat(frames.nextText()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
	}

	@Test
	void closesUponAnInvalidHandshake() throws Exception {
		Socket frames = open();
		frames.send("4abc");
		frames.awaitClose();
	}

	@Test
	void staysOpenAfterLeavingTheMainNamespace() throws Exception {
		Socket frames = connected();
		frames.send("41");
		assertThat(frames.pings.poll(5, TimeUnit.SECONDS)).as("a ping after leaving").isNotNull();
		assertThat(frames.received).isEmpty();
	}

	@Test
	void keepsTheMainNamespaceAfterLeavingACustomOne() throws Exception {
		Socket frames = connected();
		frames.send("40/custom");
		assertThat(frames.nextText()).startsWith("40/custom,");
		assertThat(frames.nextText()).startsWith("42/custom,[\"auth\"");
		frames.send("41/custom");
		frames.send("42[\"message\",\"message to main namespace\",1,\"test\"]");
		assertThat(frames.nextText()).isEqualTo("42[\"message-back\",\"message to main namespace\",1,\"test\"]");
	}

	@Test
	void echoesPlainTextAndBinaryPacketsWithAndWithoutAcks() throws Exception {
		Socket frames = connected();
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
		Socket frames = connected();
		frames.send("4abc");
		frames.awaitClose();
	}

	@Test
	void closesUponInvalidPayloadFormat() throws Exception {
		Socket frames = connected();
		frames.send("42{\"not\":\"an array\"}");
		frames.awaitClose();
	}

	@Test
	void closesUponInvalidAckId() throws Exception {
		Socket frames = connected();
		frames.send("42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
		frames.awaitClose();
	}

	@Test
	void closesAConnectionThatJoinsNoNamespaceInTime() throws Exception {
		Socket frames = open();
		frames.awaitClose();
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

}
