package dev.realtime.autoconfigure.security;

import java.time.Instant;
import java.util.Map;

import io.socket.client.Socket;
import org.json.JSONObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.authentication.configuration.EnableGlobalAuthentication;

import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.security.AuthTokenExpiredException;
import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token's expiry holds on every way an application hands its tokens to the starter, whether the authentication
 * manager erases the credentials (Spring Security's default), which hold the expiry, or not: actions after it are
 * refused, the socket is disconnected after the grace, and the expired token cannot connect again.
 */
class ExpiryOnEveryAuthenticationPathTests {

	@ParameterizedTest
	@ValueSource(classes = { OwnProviderManager.class, OwnProviderManagerKeepingCredentials.class,
			ProviderBean.class, GlobalAuthenticationManager.class })
	void expiredTokensStopActingAreDisconnectedAndCannotConnectAgain(Class<?> path) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EchoApplication.class, path)
			.properties("server.port=0", "realtime.security.expiry-grace=1s")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Instant expiresAt = Instant.ofEpochMilli(System.currentTimeMillis() + 6000);
			String token = ExpiringTokens.token("alice", expiresAt);
			try (JavaClient client = JavaClient.connect(port, "/", Map.of("token", token), "websocket")) {
				client.awaitConnect();
				assertThat(client.emitWithAck("echo", "before")).containsExactly("before");

				Thread.sleep(Math.max(0, expiresAt.toEpochMilli() - System.currentTimeMillis() + 50));
				JSONObject refused = (JSONObject) client.emitWithAck("echo", "after")[0];
				assertThat(refused.getString("name")).isEqualTo(AuthTokenExpiredException.NAME);
				assertThat(refused.getString("expiry")).isEqualTo(expiresAt.toString());
				assertThat(((JSONObject) client.await("error")[0]).getString("name"))
					.isEqualTo(AuthTokenExpiredException.NAME);
				assertThat(client.await(Socket.EVENT_DISCONNECT)).containsExactly("io server disconnect");
			}
			try (JavaClient again = JavaClient.connect(port, "/", Map.of("token", token), "websocket")) {
				JSONObject error = (JSONObject) again.await(Socket.EVENT_CONNECT_ERROR)[0];
				assertThat(error.getString("message")).isEqualTo("Auth token expired");
			}
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class EchoApplication {

		@Bean
		EchoController echoController() {
			return new EchoController();
		}

	}

	@RealtimeController
	static class EchoController {

		@OnEvent("echo")
		String echo(String value) {
			return value;
		}

	}

	/** The application's own manager, which erases credentials after authentication by default. */
	@Configuration(proxyBeanMethods = false)
	static class OwnProviderManager {

		@Bean
		AuthenticationManager authenticationManager() {
			return new ProviderManager(new ExpiringTokens());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnProviderManagerKeepingCredentials {

		@Bean
		AuthenticationManager authenticationManager() {
			ProviderManager manager = new ProviderManager(new ExpiringTokens());
			manager.setEraseCredentialsAfterAuthentication(false);
			return manager;
		}

	}

	/** A provider bean, and no manager. */
	@Configuration(proxyBeanMethods = false)
	static class ProviderBean {

		@Bean
		ExpiringTokens expiringTokens() {
			return new ExpiringTokens();
		}

	}

	/** Spring Security's global manager, built from the provider bean, exposed as applications do. */
	@Configuration(proxyBeanMethods = false)
	@EnableGlobalAuthentication
	static class GlobalAuthenticationManager {

		@Bean
		ExpiringTokens expiringTokens() {
			return new ExpiringTokens();
		}

		@Bean
		AuthenticationManager authenticationManager(AuthenticationConfiguration configuration) throws Exception {
			return configuration.getAuthenticationManager();
		}

	}

}
