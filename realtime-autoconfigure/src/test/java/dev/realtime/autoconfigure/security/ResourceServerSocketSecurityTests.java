package dev.realtime.autoconfigure.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socket.client.Socket;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.security.AuthTokenExpiredException;
import dev.realtime.security.CredentialsRenewedEvent;
import dev.realtime.security.RealtimeAuthorizationRules;
import dev.realtime.server.RealtimeServer;
import dev.realtime.support.JavaClient;
import dev.realtime.support.SignedTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that protects its API as an OAuth2 resource server (a {@code JwtDecoder} and a
 * {@code JwtAuthenticationConverter} bean, as Boot's {@code spring.security.oauth2.resourceserver.jwt.*} properties
 * make them) and writes no realtime security code but its rules: sockets are authenticated with real signed JWTs,
 * renew them in-band with {@code #authenticate}, and receive only what the rules let their user receive.
 */
@SpringBootTest(classes = ResourceServerSocketSecurityTests.ResourceServerApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "realtime.security.require-authentication=true", "realtime.security.expiry-grace=1s" })
class ResourceServerSocketSecurityTests {

	static final SignedTokens TOKENS = new SignedTokens();

	@LocalServerPort
	int port;

	@Autowired
	RealtimeServer server;

	@Autowired
	ResourceServerApplication application;

	private final List<JavaClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(JavaClient::close);
	}

	private JavaClient connect(String token) {
		JavaClient client = JavaClient.connect(this.port, "/", Map.of("token", token), "websocket");
		this.clients.add(client);
		return client;
	}

	private JavaClient connected(String token) {
		return connect(token).awaitConnect();
	}

	private static String connectError(JavaClient client) throws Exception {
		return ((JSONObject) client.await(Socket.EVENT_CONNECT_ERROR)[0]).getString("message");
	}

	private static Instant inSeconds(long seconds) {
		// a JWT's expiry is in whole seconds
		return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
	}

	@Test
	void aValidTokenConnectsAsItsSubjectWithTheRolesOfItsClaims() throws Exception {
		JSONObject me = (JSONObject) connected(TOKENS.token("alice", inSeconds(60), "ADMIN")).emitWithAck("whoami")[0];
		assertThat(me.getString("name")).isEqualTo("alice");
		assertThat(me.getString("roles")).isEqualTo("ROLE_ADMIN");
	}

	@Test
	void expiredForgedForeignAndMissingTokensAreRefusedWithWhatFailed() throws Exception {
		assertThat(connectError(connect(TOKENS.token("alice", inSeconds(-120))))).isEqualTo("Auth token expired");
		// within the decoder's clock skew the token decodes, and its expiry refuses it
		assertThat(connectError(connect(TOKENS.token("alice", inSeconds(-10))))).isEqualTo("Auth token expired");
		assertThat(connectError(connect(new SignedTokens().token("alice", inSeconds(60)))))
			.isEqualTo("Bad credentials");
		assertThat(connectError(connect(TOKENS.token("alice", "another-api", inSeconds(60)))))
			.isEqualTo("Bad credentials");
		assertThat(connectError(connect("not-a-jwt"))).isEqualTo("Bad credentials");
		JavaClient missing = JavaClient.connect(this.port, "/", Map.of(), "websocket");
		this.clients.add(missing);
		assertThat(connectError(missing)).isEqualTo("Missing credentials");
	}

	@Test
	void theTokensExpiryEndsTheSocketsActionsThenTheSocket() throws Exception {
		Instant expiresAt = inSeconds(8);
		JavaClient client = connected(TOKENS.token("alice", expiresAt));
		Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis() + 50));
		JSONObject refused = (JSONObject) client.emitWithAck("whoami")[0];
		assertThat(refused.getString("name")).isEqualTo(AuthTokenExpiredException.NAME);
		assertThat(client.await(Socket.EVENT_DISCONNECT)).containsExactly("io server disconnect");
	}

	@Test
	void aRenewedTokenKeepsTheSocketGoingPastTheOldExpiry() throws Exception {
		Instant expiresAt = inSeconds(8);
		JavaClient client = connected(TOKENS.token("alice", expiresAt));
		Object[] answer = client.emitWithAck("#authenticate",
				new JSONObject(Map.of("token", TOKENS.token("alice", inSeconds(60), "ADMIN"))));
		assertThat(answer).isEmpty();
		CredentialsRenewedEvent renewed = this.application.renewals.poll(JavaClient.WAIT_SECONDS, TimeUnit.SECONDS);
		assertThat(renewed).isNotNull();
		assertThat(renewed.authentication().getName()).isEqualTo("alice");

		Thread.sleep(Math.max(0, expiresAt.plusSeconds(1).toEpochMilli() - System.currentTimeMillis() + 300));
		JSONObject me = (JSONObject) client.emitWithAck("whoami")[0];
		assertThat(me.getString("name")).isEqualTo("alice");
		assertThat(me.getString("roles")).isEqualTo("ROLE_ADMIN");
		assertThat(client.socket().connected()).isTrue();
	}

	@Test
	void aRefusedRenewalTellsWhyAndKeepsTheCurrentCredentials() throws Exception {
		JavaClient client = connected(TOKENS.token("alice", inSeconds(60), "USER"));
		assertThat(renewalError(client, Map.of("token", "not-a-jwt"))).isEqualTo("Bad credentials");
		assertThat(renewalError(client, Map.of("token", TOKENS.token("alice", inSeconds(-120)))))
			.isEqualTo("Auth token expired");
		assertThat(renewalError(client, Map.of("token", TOKENS.token("mallory", inSeconds(60), "ADMIN"))))
			.isEqualTo("Credentials of another user");
		assertThat(renewalError(client, Map.of())).isEqualTo("Missing credentials");
		JSONObject me = (JSONObject) client.emitWithAck("whoami")[0];
		assertThat(me.getString("roles")).isEqualTo("ROLE_USER");
	}

	private static String renewalError(JavaClient client, Map<String, String> credentials) throws Exception {
		return ((JSONObject) client.emitWithAck("#authenticate", new JSONObject(credentials))[0]).getString("message");
	}

	@Test
	void receiveRulesDecideForEachRecipientOfEventsAndPublications() throws Exception {
		JavaClient admin = connected(TOKENS.token("alice", inSeconds(60), "ADMIN"));
		JavaClient user = connected(TOKENS.token("bob", inSeconds(60), "USER"));
		for (JavaClient client : List.of(admin, user)) {
			assertThat(client.emitWithAck("#subscribe", "admin.alerts")).isEmpty();
			assertThat(client.emitWithAck("#subscribe", "lobby")).isEmpty();
		}
		this.server.emit("admin.notice", "restart at noon");
		this.server.channel("admin.alerts").publish("disk full");
		this.server.emit("news", "hello");
		this.server.channel("lobby").publish("welcome");

		assertThat(admin.await("admin.notice")).containsExactly("restart at noon");
		assertThat(((JSONObject) admin.await("#publish")[0]).getString("data")).isEqualTo("disk full");
		assertThat(admin.await("news")).containsExactly("hello");
		assertThat(user.await("news")).containsExactly("hello");
		// what a recipient gets keeps the order it was sent in: the denied deliveries came before these
		assertThat(((JSONObject) user.await("#publish")[0]).getString("channel")).isEqualTo("lobby");
		assertThat(user.receives("admin.notice", 0)).isFalse();
		assertThat(user.receives("#publish", 200)).isFalse();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ResourceServerApplication {

		final BlockingQueue<CredentialsRenewedEvent> renewals = new LinkedBlockingQueue<>();

		/** What Boot's public-key-location and audiences properties make. */
		@Bean
		JwtDecoder jwtDecoder() {
			return TOKENS.decoder();
		}

		/** What Boot's authorities-claim-name and authority-prefix properties make. */
		@Bean
		JwtAuthenticationConverter jwtAuthenticationConverter() {
			JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
			authorities.setAuthoritiesClaimName("roles");
			authorities.setAuthorityPrefix("ROLE_");
			JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
			converter.setJwtGrantedAuthoritiesConverter(authorities);
			return converter;
		}

		@Bean
		RealtimeAuthorizationRules realtimeRules() {
			return RealtimeAuthorizationRules.builder()
				.receive("admin.*").hasRole("ADMIN")
				.anyMessage().authenticated()
				.build();
		}

		@Bean
		WhoAmIController whoAmIController() {
			return new WhoAmIController();
		}

		@EventListener
		void renewed(CredentialsRenewedEvent event) {
			this.renewals.add(event);
		}

	}

	@RealtimeController
	static class WhoAmIController {

		@OnEvent("whoami")
		Map<String, Object> whoami(Authentication authentication) {
			return Map.of("name", authentication.getName(), "roles", String.join(",",
					authentication.getAuthorities().stream().map(Object::toString).filter((role) -> role.startsWith("ROLE_")).sorted().toList()));
		}

	}

}
