package dev.realtime.redis;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Admin UI's namespace on two nodes sharing Redis: a UI connected to one of them hears both, each by its server
 * id, and sees the sockets of both.
 */
class AdminUiClusterTests {

	private static final String PREFIX = "realtime-test-" + UUID.randomUUID();

	private static ClusterNode a;

	private static ClusterNode b;

	@BeforeAll
	static void startNodes() throws Exception {
		int redisPort = TestRedis.shared().port();
		a = ClusterNode.start(PREFIX, redisPort, "realtime.admin-ui.enabled=true", "realtime.admin-ui.auth=none",
				"realtime.admin-ui.server-id=node-a");
		b = ClusterNode.start(PREFIX, redisPort, "realtime.admin-ui.enabled=true", "realtime.admin-ui.auth=none",
				"realtime.admin-ui.server-id=node-b");
		for (ClusterNode node : List.of(a, b)) {
			node.awaitNodes(2);
		}
	}

	@AfterAll
	static void stopNodes() {
		List.of(a, b).forEach(ClusterNode::close);
	}

	@Test
	void aUiConnectedToOneNodeHearsEveryNodeAndSeesTheirSockets() throws Exception {
		try (JavaClient onB = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect();
				JavaClient admin = JavaClient.connect(a.port(), "/admin", Map.of(), "websocket").awaitConnect()) {
			Set<String> servers = new HashSet<>();
			for (int reports = 0; reports < 10 && servers.size() < 2; reports++) {
				servers.add(((JSONObject) admin.await("server_stats")[0]).getString("serverId"));
			}
			assertThat(servers).containsExactlyInAnyOrder("node-a", "node-b");

			JSONArray sockets = (JSONArray) admin.await("all_sockets")[0];
			JSONObject fromB = null;
			for (int i = 0; i < sockets.length(); i++) {
				if (sockets.getJSONObject(i).getString("id").equals(onB.socket().id())) {
					fromB = sockets.getJSONObject(i);
				}
			}
			assertThat(fromB).as("the socket on node b").isNotNull();
			assertThat(fromB.getString("transport")).isEqualTo("websocket");
			assertThat(fromB.getString("clientId")).hasSize(12);

			try (JavaClient later = JavaClient.connect(b.port(), "/", Map.of(), "websocket").awaitConnect()) {
				// the admin's own socket was reported first
				Set<String> connected = new HashSet<>();
				for (int reports = 0; reports < 5 && !connected.contains(later.socket().id()); reports++) {
					connected.add(((JSONObject) admin.await("socket_connected")[0]).getString("id"));
				}
				assertThat(connected).contains(later.socket().id());
			}
		}
	}

}
