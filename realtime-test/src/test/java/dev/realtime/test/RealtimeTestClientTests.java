package dev.realtime.test;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;

import dev.realtime.annotation.NamespaceScope;
import dev.realtime.annotation.OnConnect;
import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.RealtimeSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The test client against an application on a random port, as a user's test has it: connections with and without
 * {@code auth}, refusals, acknowledgements plain and typed, events awaited blocking and async, and the sockets it
 * closes after each test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRealtimeTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealtimeTestClientTests {

	@Autowired
	private RealtimeTestClient client;

	@Autowired
	private RealtimeServer server;

	@Test
	void receivesWhatTheConnectHandlerEmittedWithTheAuthPayload() {
		TestSocket socket = this.client.connect("/", Map.of("user", "ann"));
		assertThat(socket.id()).isNotBlank();
		assertThat(socket.await("welcome")).isEqualTo(Map.of("user", "ann", "id", socket.id()));
	}

	@Test
	void answersAcknowledgementsAsPlainValuesOrTheTypeAskedFor() {
		TestSocket socket = this.client.connect("/", Map.of("user", "ann"));
		assertThat(socket.emitWithAck("echo", "hello")).isEqualTo("hello");
		assertThat(socket.emitWithAck("post", Map.of("room", "lobby", "text", "hi")))
			.isEqualTo(Map.of("room", "lobby", "length", 2));
		assertThat(socket.emitWithAck(Receipt.class, "post", new Post("lobby", "hello"))).isEqualTo(new Receipt("lobby", 5));
		assertThat(socket.emitWithAck("echo-bytes", (Object) new byte[] { 1, 2, 3 })).isEqualTo(new byte[] { 1, 2, 3 });
		assertThat(socket.emitWithAckAsync("nothing").orTimeout(10, TimeUnit.SECONDS).join()).isEmpty();
	}

	@Test
	void returnsTheConnectErrorThatRefusedTheSocket() {
		ConnectError error = this.client.connectError("/", Map.of());
		assertThat(error.message()).isEqualTo("Who are you?");
		assertThat(error.data()).isEqualTo(Map.of("field", "user"));
	}

	@Test
	void failsToConnectWithTheRefusalsMessage() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.client.connect("/"))
			.withMessage("The socket of / was refused: Who are you? {field=user}");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.client.connectError("/", Map.of("user", "ann")))
			.withMessageStartingWith("Expected / to refuse the socket, but it connected as ");
	}

	@Test
	void failsAWaitThatTimesOutNamingWhatDidNotArrive() {
		TestSocket socket = this.client.withTimeout(Duration.ofMillis(200)).connect("/", Map.of("user", "ann"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> socket.await("never"))
			.withMessage("No \"never\" within 200 ms on socket " + socket.id() + " of /");
		// the event that arrives after a wait gave up goes to the next one
		socket.emit("ping-me", "later");
		assertThat(socket.await("pong")).isEqualTo("later");
	}

	@Test
	void completesAsyncWaitsOffTheClientsThreadSoThatABlockingCallCanBeChained() {
		TestSocket socket = this.client.connect("/", Map.of("user", "ann"));
		CompletableFuture<Object> chained = socket.next("pong").thenApply((args) -> socket.emitWithAck("echo", args.get(0)));
		socket.emit("ping-me", "chained");
		assertThat(chained.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo("chained");
		TestSocket other = this.client.withTransports("websocket").connectAsync("/", Map.of("user", "bob")).join();
		assertThat(other.emitWithAck("echo", "on websocket")).isEqualTo("on websocket");
		assertThat(this.server.socket(other.id()).transport()).isEqualTo("websocket");
	}

	@Test
	void waitsForTheServerToDisconnectTheSocket() {
		TestSocket socket = this.client.connect("/", Map.of("user", "ann"));
		socket.emit("kick-me");
		assertThat(socket.awaitDisconnect()).isEqualTo("io server disconnect");
		assertThat(socket.isConnected()).isFalse();
	}

	@Test
	void bringsOneOrgJsonOnlyBesideSpringBootStarterTest() throws Exception {
		assertThat(Collections.list(getClass().getClassLoader().getResources("org/json/JSONObject.class"))).hasSize(1);
	}

	@Test
	@Order(1)
	void leavesASocketOpenAtTheEndOfTheTest() {
		this.client.connect("/", Map.of("user", "ann"));
		assertThat(this.server.sockets().socketCount()).isOne();
	}

	@Test
	@Order(2)
	void findsTheSocketsOfTheTestBeforeClosed() {
		await().until(() -> this.server.sockets().socketCount() == 0);
	}

	record Post(String room, String text) {
	}

	record Receipt(String room, int length) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EchoApplication {

		@Bean
		EchoController echoController() {
			return new EchoController();
		}

		@Bean
		@NamespaceScope("/")
		ConnectMiddleware userRequired() {
			return (context, next) -> {
				if (context.auth().get("user") == null) {
					next.reject(new RealtimeException("Who are you?", Map.of("field", "user")));
				}
				else {
					next.proceed();
				}
			};
		}

	}

	@RealtimeController
	static class EchoController {

		@OnConnect
		void welcome(RealtimeSocket socket) {
			socket.emit("welcome", Map.of("user", socket.handshake().auth().get("user"), "id", socket.id()));
		}

		@OnEvent("echo")
		Object echo(Object value) {
			return value;
		}

		@OnEvent("echo-bytes")
		byte[] echoBytes(byte[] value) {
			return value;
		}

		@OnEvent("post")
		Receipt post(Post post) {
			return new Receipt(post.room(), post.text().length());
		}

		@OnEvent("nothing")
		void nothing() {
		}

		@OnEvent("ping-me")
		void ping(RealtimeSocket socket, String text) {
			socket.emit("pong", text);
		}

		@OnEvent("kick-me")
		void kick(RealtimeSocket socket) {
			socket.disconnect();
		}

	}

}
