package dev.realtime.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.support.EngineClient;
import dev.realtime.support.NodeClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Connection state recovery with the official JavaScript client: its transport is closed while the server emits to
 * it, to its room and to others, then it reconnects by itself.
 */
@SpringBootTest(classes = { RealtimeTestApplication.class, ConnectionStateRecoveryIntegrationTests.Config.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "test.recovery=true")
class ConnectionStateRecoveryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Handlers handlers;

	@Autowired
	RealtimeServer server;

	@BeforeEach
	void forgetEarlierConnections() {
		this.handlers.recoveredAtConnect.clear();
		this.handlers.middlewareRuns.clear();
	}

	private JsonNode recover(String mode) {
		return NodeClient.run("recovery.js", "http://localhost:" + this.port, Map.of("mode", mode));
	}

	@Test
	void aClientThatLostItsConnectionGetsItsSocketBackWithWhatItMissedOnceInOrder() {
		JsonNode result = recover("received");

		assertThat(result.at("/recovered").asBoolean()).isTrue();
		assertThat(result.at("/id").asString()).isEqualTo(result.at("/firstId").asString());
		assertThat(eventsOf(result)).containsExactly("first:first", "to-socket:1", "to-room:2", "everyone:5");
		assertThat(result.at("/whoami/recovered").asBoolean()).isTrue();
		assertThat(result.at("/whoami/nick").asString()).as("attributes kept").isEqualTo("ana");
		assertThat(result.at("/whoami/rooms").toString()).contains("room-a", result.at("/id").asString());
		assertThat(this.handlers.recoveredAtConnect).containsExactly(false, true);
		// skip-middlewares: the recovered socket passed only the middleware that runs on recovery (authentication's)
		assertThat(this.handlers.middlewareRuns).containsExactly("any", "on-recovery", "on-recovery");
	}

	@Test
	void aReconnectionThatArrivesBeforeTheLostConnectionIsNoticedRecoversTheSocket() throws Exception {
		EngineClient client = new EngineClient(this.port, "/socket.io/");
		EngineClient.Socket lost = client.webSocket("&transport=websocket").answeringPings();
		lost.nextText();
		lost.send("40");
		JsonNode connected = connectAnswer(lost.nextText());
		String sid = connected.get("sid").asString();
		this.server.to(sid).emit("before", 1);
		String before = lost.nextText();
		String offset = before.substring(before.lastIndexOf(",\"") + 2, before.length() - 2);

		// the first connection is still open when the client comes back on a second one
		EngineClient.Socket back = client.webSocket("&transport=websocket").answeringPings();
		back.nextText();
		this.server.to(sid).emit("meanwhile", 2);
		back.send("40{\"pid\":\"" + connected.get("pid").asString() + "\",\"offset\":\"" + offset + "\"}");

		assertThat(back.nextText()).startsWith("42[\"meanwhile\",2,");
		assertThat(connectAnswer(back.nextText()).get("sid").asString()).isEqualTo(sid);
		// the old connection, not known to be lost yet, got it too, then the server closed it
		assertThat(lost.nextText()).startsWith("42[\"meanwhile\",2,");
		assertThat(lost.nextText()).isEqualTo("41");
	}

	@Test
	void aClientThatHadReceivedNothingYetIsRecoveredToo() {
		JsonNode result = recover("none");

		assertThat(result.at("/recovered").asBoolean()).isTrue();
		assertThat(result.at("/id").asString()).isEqualTo(result.at("/firstId").asString());
		assertThat(eventsOf(result)).containsExactly("to-socket:1", "to-room:2", "everyone:5");
	}

	@Test
	void aVolatileEventEndingInAStringDoesNotLoseTheOffset() {
		JsonNode result = recover("volatile-string");

		assertThat(result.at("/recovered").asBoolean()).isTrue();
		assertThat(eventsOf(result)).containsExactly("volatile:hello", "to-socket:1", "to-room:2", "everyone:5");
	}

	/** The data of a CONNECT answer of the main namespace: {@code 40{...}}. */
	private static JsonNode connectAnswer(String packet) {
		assertThat(packet).startsWith("40{");
		return new JsonMapper().readTree(packet.substring(2));
	}

	/** Each event as "name:first argument"; stored ones carry their offset as a last argument. */
	private static List<String> eventsOf(JsonNode result) {
		List<String> events = new ArrayList<>();
		for (JsonNode event : result.at("/events")) {
			events.add(event.get(0).asString() + ":" + event.get(1).asString());
		}
		return events;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		Handlers recoveryHandlers(RealtimeServer server) {
			return new Handlers(server);
		}

	}

	static final class Handlers {

		final List<Boolean> recoveredAtConnect = new CopyOnWriteArrayList<>();

		final List<String> middlewareRuns = new CopyOnWriteArrayList<>();

		Handlers(RealtimeServer server) {
			server.use((ConnectMiddleware) (context, next) -> {
				this.middlewareRuns.add("any");
				next.proceed();
			});
			server.use(new ConnectMiddleware() {

				@Override
				public void onConnect(ConnectContext context, Next next) {
					Handlers.this.middlewareRuns.add("on-recovery");
					next.proceed();
				}

				@Override
				public boolean runsOnRecovery() {
					return true;
				}

			});
			Namespace main = server.namespace("/");
			main.onConnect((socket) -> this.recoveredAtConnect.add(socket.recovered()));
			main.on("join", (socket, args, ack) -> {
				socket.join(String.valueOf(args.get(0)));
				socket.attributes().put("nick", "ana");
				ack.send("joined");
			});
			main.on("send-me", (socket, args, ack) -> socket.emit("first", args.get(0)));
			main.on("send-me-volatile", (socket, args, ack) -> socket.asVolatile().emit("volatile", "hello"));
			main.on("away", (socket, args, ack) -> {
				ack.send("ok");
				// once the server knows the connection is lost: what the client must get on its return, and not
				CompletableFuture.runAsync(() -> {
					await().atMost(Duration.ofSeconds(5)).until(() -> !socket.isConnected());
					server.to(socket.id()).emit("to-socket", 1);
					server.to("room-a").emit("to-room", 2);
					server.to("room-b").emit("to-another-room", 3);
					server.except("room-a").emit("except-its-room", 4);
					server.asVolatile().emit("volatile-while-away", 6);
					server.emit("everyone", 5);
				});
			});
			main.on("whoami", (socket, args, ack) -> ack.send(Map.of("id", socket.id(), "recovered",
					socket.recovered(), "nick", socket.attributes().get("nick"), "rooms", new TreeSet<>(socket.rooms()))));
		}

	}

}
