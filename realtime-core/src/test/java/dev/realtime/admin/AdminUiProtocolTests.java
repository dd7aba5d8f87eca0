package dev.realtime.admin;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import tools.jackson.databind.JsonNode;

import dev.realtime.server.RealtimeServer;
import dev.realtime.support.NodeClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server side of the Admin UI driven by the JavaScript {@code socket.io-client} the way the UI drives it: the
 * login, what it receives, the commands, and the same commands refused in read-only mode.
 */
@SpringBootTest(classes = { RealtimeTestApplication.class, AdminUiProtocolTests.AdminUi.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class AdminUiProtocolTests {

	@LocalServerPort
	int port;

	@Autowired
	RealtimeServer server;

	@Test
	void logsInReportsTheServerAndItsSocketsAndCarriesOutCommands() {
		this.server.namespace("/watched").on("hello", (socket, args, ack) -> socket.emit("hi", "from the server"));
		JsonNode result = run("/admin", "/watched", false);

		assertThat(result.get("refusal").asString()).isEqualTo("invalid credentials");
		assertThat(result.get("session").asString()).hasSize(32);
		assertThat(strings(result.get("config").get("supportedFeatures"))).containsExactly("EMIT", "JOIN", "LEAVE",
				"DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT", "AGGREGATED_EVENTS", "ALL_EVENTS");
		JsonNode stats = result.get("stats");
		assertThat(stats.get("serverId").asString()).isEqualTo("test-node");
		assertThat(stats.get("clientsCount").asInt()).isPositive();
		assertThat(stats.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
		assertThat(stats.get("namespaces").valueStream().map((namespace) -> namespace.get("name").asString()))
			.contains("/", "/admin");
		assertThat(result.get("allSockets").valueStream().map((socket) -> socket.get("nsp").asString()))
			.contains("/admin");

		JsonNode connected = result.get("connected");
		assertThat(connected.get("nsp").asString()).isEqualTo("/watched");
		assertThat(connected.get("transport").asString()).isEqualTo("polling");
		assertThat(connected.get("clientId").asString()).hasSize(12);
		assertThat(strings(connected.get("rooms"))).containsExactly(connected.get("id").asString());
		assertThat(connected.get("handshake").get("headers").has("host")).isTrue();
		assertThat(connected.get("handshake").has("auth")).isFalse();
		String id = connected.get("id").asString();
		assertThat(result.get("updated").get("id").asString()).isEqualTo(id);
		assertThat(result.get("updated").get("transport").asString()).isEqualTo("websocket");

		assertThat(result.get("received").get(2).toString()).isEqualTo("[\"hello\",\"from the client\"]");
		assertThat(result.get("sent").get(2).toString()).isEqualTo("[\"hi\",\"from the server\"]");
		assertThat(strings(result.get("joined")).subList(0, 3)).containsExactly("/watched", "blue", id);
		assertThat(strings(result.get("announced"))).containsExactly("from the admin");
		assertThat(strings(result.get("left")).subList(0, 3)).containsExactly("/watched", "blue", id);
		assertThat(strings(result.get("disconnected")).subList(0, 3)).containsExactly("/watched", id,
				"server namespace disconnect");
		assertThat(result.get("clientDisconnect").asString()).isEqualTo("io server disconnect");
		assertThat(result.get("resumed").asBoolean()).isTrue();
	}

	@Test
	void readOnlyModeOffersNoCommandAndCarriesOutNone() {
		this.server.namespace("/looked-at").on("hello", (socket, args, ack) -> socket.emit("hi", "from the server"));
		JsonNode result = run("/admin-read-only", "/looked-at", true);

		assertThat(result.get("refusal").asString()).isEqualTo("invalid credentials");
		assertThat(strings(result.get("config").get("supportedFeatures"))).containsExactly("AGGREGATED_EVENTS",
				"ALL_EVENTS");
		assertThat(result.get("announcedInReadOnly").asBoolean()).isFalse();
		assertThat(result.get("clientStillConnected").asBoolean()).isTrue();
		assertThat(this.server.namespace("/looked-at").socketCount()).isZero();
	}

	@Test
	void refusesAUserWithoutTheRole() {
		this.server.namespace("/unwatched").on("hello", (socket, args, ack) -> socket.emit("hi"));
		JsonNode result = run("/admin", "/unwatched", true, Map.of("username", "alice", "password", "alice"));

		assertThat(result.get("refusal").asString()).isEqualTo("invalid credentials");
	}

	private JsonNode run(String admin, String namespace, boolean readOnly) {
		return run(admin, namespace, readOnly, Map.of("username", "admin", "password", "wrong"));
	}

	private JsonNode run(String admin, String namespace, boolean readOnly, Map<String, String> wrongAuth) {
		return NodeClient.run("admin.js", "http://localhost:" + this.port,
				Map.of("admin", admin, "auth", Map.of("username", "admin", "password", "secret"), "wrongAuth",
						wrongAuth, "namespace", namespace, "readOnly", readOnly));
	}

	private static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class AdminUi {

		@Bean
		AuthenticationManager authenticationManager() {
			InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(
					User.withUsername("admin").password("{noop}secret").roles("ADMIN").build(),
					User.withUsername("alice").password("{noop}alice").roles("USER").build());
			return new ProviderManager(new DaoAuthenticationProvider(users));
		}

		@Bean
		AdminUiAuthentication adminUiAuthentication(AuthenticationManager authenticationManager) {
			return new AdminUiAuthentication("/admin", authenticationManager, "ADMIN");
		}

		@Bean
		AdminUiAuthentication readOnlyAdminUiAuthentication(AuthenticationManager authenticationManager) {
			return new AdminUiAuthentication("/admin-read-only", authenticationManager, "ROLE_ADMIN");
		}

		@Bean(initMethod = "start", destroyMethod = "stop")
		AdminUiServer adminUiServer(RealtimeServer server, AdminUiAuthentication adminUiAuthentication,
				ThreadPoolTaskScheduler realtimeTaskScheduler) {
			return new AdminUiServer(server, new AdminUiOptions("/admin", false, true, "test-node"),
					adminUiAuthentication, realtimeTaskScheduler);
		}

		@Bean(initMethod = "start", destroyMethod = "stop")
		AdminUiServer readOnlyAdminUiServer(RealtimeServer server,
				AdminUiAuthentication readOnlyAdminUiAuthentication, ThreadPoolTaskScheduler realtimeTaskScheduler) {
			return new AdminUiServer(server, new AdminUiOptions("/admin-read-only", true, true, "test-node"),
					readOnlyAdminUiAuthentication, realtimeTaskScheduler);
		}

	}

}
