package dev.realtime.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.socket.client.IO;
import io.socket.client.Socket;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authentication at the handshake, authorization rules, method security and expiry against a real server and the
 * official Java client.
 */
@SpringBootTest(classes = { RealtimeTestApplication.class, SecurityTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityIntegrationTests {

	@LocalServerPort
	int port;

	private final List<JavaClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() throws Exception {
		this.clients.forEach(JavaClient::close);
	}

	private JavaClient connect(String namespace, String token) {
		return connect(namespace, IO.Options.builder()
			.setTransports(new String[] { "websocket" })
			.setAuth(Map.of("token", token))
			.build());
	}

	private JavaClient connect(String namespace, IO.Options options) {
		JavaClient client = JavaClient.connect(this.port, namespace, options);
		this.clients.add(client);
		return client;
	}

	private static IO.Options withHeaders(Map<String, List<String>> headers) {
		return IO.Options.builder().setTransports(new String[] { "websocket" }).setExtraHeaders(headers).build();
	}

	private static JSONObject connectError(JavaClient client) {
		return (JSONObject) client.await(Socket.EVENT_CONNECT_ERROR)[0];
	}

	private static JSONObject whoami(JavaClient client) throws Exception {
		return (JSONObject) client.emitWithAck("whoami")[0];
	}

	@Test
	void validTokenInTheAuthPayloadBecomesTheSocketsUserEverywhere() throws Exception {
		JSONObject me = whoami(connect("/", TestTokens.token("alice")).awaitConnect());
		assertThat(me.getString("principal")).isEqualTo("alice");
		assertThat(me.getString("authentication")).isEqualTo("alice");
		assertThat(me.getString("authenticationPrincipal")).isEqualTo("alice");
		assertThat(me.getString("securityContext")).isEqualTo("alice");
		assertThat(me.getJSONArray("roles").length()).isOne();
		assertThat(me.getJSONArray("roles").getString(0)).isEqualTo("ROLE_USER");
	}

	@Test
	void validTokenInTheAuthorizationHeaderAuthenticates() throws Exception {
		JavaClient client = connect("/", withHeaders(Map.of(HttpHeaders.AUTHORIZATION, List.of("Bearer bob"))));
		assertThat(whoami(client.awaitConnect()).getString("principal")).isEqualTo("bob");
	}

	@Test
	void missingCredentialsAreRefused() throws Exception {
		JavaClient client = connect("/", IO.Options.builder().setTransports(new String[] { "websocket" }).build());
		assertThat(connectError(client).getString("message")).isEqualTo("Missing credentials");
	}

	@Test
	void badCredentialsAreRefusedWithoutDetails() throws Exception {
		JSONObject error = connectError(connect("/", "bad"));
		assertThat(error.getString("message")).isEqualTo("Bad credentials");
		assertThat(error.length()).isEqualTo(1);
	}

	@Test
	void expiredCredentialsAreRefusedAtConnect() throws Exception {
		JSONObject error = connectError(connect("/", TestTokens.expiring("alice", Instant.now().minusSeconds(1))));
		assertThat(error.getString("message")).isEqualTo("Auth token expired");
		assertThat(error.getString("name")).isEqualTo(AuthTokenExpiredException.NAME);
	}

	@Test
	void actionsAfterTheExpiryAreRefusedThenTheSocketIsDisconnectedAndFreshCredentialsContinue() throws Exception {
		Instant expiresAt = Instant.ofEpochMilli(System.currentTimeMillis() + 1500);
		JavaClient client = connect("/", TestTokens.expiring("alice", expiresAt)).awaitConnect();
		assertThat(client.emitWithAck("echo", "before")).containsExactly("before");

		Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis() + 50));
		JSONObject refused = (JSONObject) client.emitWithAck("echo", "after")[0];
		assertThat(refused.getString("name")).isEqualTo(AuthTokenExpiredException.NAME);
		assertThat(refused.getString("expiry")).isEqualTo(expiresAt.toString());

		JSONObject reason = (JSONObject) client.await("error")[0];
		assertThat(reason.getString("name")).isEqualTo(AuthTokenExpiredException.NAME);
		assertThat(client.await(Socket.EVENT_DISCONNECT)).containsExactly("io server disconnect");

		JavaClient fresh = connect("/", TestTokens.expiring("alice", Instant.now().plusSeconds(60))).awaitConnect();
		assertThat(fresh.emitWithAck("echo", "again")).containsExactly("again");
	}

	@Test
	void httpBasicUserOfTheHandshakeRequestIsAdoptedWithoutAToken() throws Exception {
		String basic = "Basic " + Base64.getEncoder().encodeToString("dave:secret".getBytes(StandardCharsets.UTF_8));
		JavaClient client = connect("/admin", withHeaders(Map.of(HttpHeaders.AUTHORIZATION, List.of(basic))));
		client.awaitConnect();
		JavaClient main = connect("/", withHeaders(Map.of(HttpHeaders.AUTHORIZATION, List.of(basic))));
		JSONObject me = whoami(main.awaitConnect());
		assertThat(me.getString("principal")).isEqualTo("dave");
		assertThat(me.getString("authenticationPrincipal")).isEqualTo("dave");
		assertThat(me.getString("securityContext")).isEqualTo("dave");
	}

	@Test
	void sessionUserOfAFormLoginIsAdoptedWithoutAToken() throws Exception {
		String cookie = FormLogin.sessionCookie(this.port, "carol", "secret");
		JavaClient client = connect("/", withHeaders(Map.of(HttpHeaders.COOKIE, List.of(cookie))));
		JSONObject me = whoami(client.awaitConnect());
		assertThat(me.getString("principal")).isEqualTo("carol");
		assertThat(me.getString("securityContext")).isEqualTo("carol");
	}

	@Test
	void namespaceRuleRefusesUsersWithoutTheRole() throws Exception {
		assertThat(connectError(connect("/admin", TestTokens.token("alice"))).getString("message"))
			.isEqualTo("Access denied");
		connect("/admin", TestTokens.token("root", "ADMIN")).awaitConnect();
	}

	@Test
	void eventRuleRefusesUsersWithoutTheRole() throws Exception {
		JavaClient alice = connect("/", TestTokens.token("alice")).awaitConnect();
		JSONObject refused = (JSONObject) alice.emitWithAck("admin:stats")[0];
		assertThat(refused.getString("message")).isEqualTo("Access denied");
		JavaClient root = connect("/", TestTokens.token("root", "ADMIN")).awaitConnect();
		assertThat(root.emitWithAck("admin:stats")).containsExactly("stats");
	}

	@Test
	void channelRulesRefuseOtherUsersChannelsAndPublishingWithoutTheRole() throws Exception {
		JavaClient alice = connect("/", TestTokens.token("alice")).awaitConnect();
		assertThat(alice.emitWithAck("#subscribe", "user.alice")).isEmpty();
		assertThat(((JSONObject) alice.emitWithAck("#subscribe", "user.bob")[0]).getString("message"))
			.isEqualTo("Access denied");
		JSONObject publication = new JSONObject(Map.of("channel", "news.today", "data", "hello"));
		assertThat(((JSONObject) alice.emitWithAck("#publish", publication)[0]).getString("message"))
			.isEqualTo("Access denied");

		JavaClient root = connect("/", TestTokens.token("root", "ADMIN")).awaitConnect();
		assertThat(root.emitWithAck("#publish", publication)).isEmpty();
	}

	@Test
	void methodSecurityOnAHandlerSeesTheSocketsUser() throws Exception {
		JavaClient root = connect("/", TestTokens.token("root", "ADMIN")).awaitConnect();
		assertThat(root.emitWithAck("purge")).containsExactly("purged");
		JavaClient alice = connect("/", TestTokens.token("alice")).awaitConnect();
		JSONObject refused = (JSONObject) alice.emitWithAck("purge")[0];
		assertThat(refused.getString("message")).isEqualTo("Access denied");
	}

}
