package dev.realtime.test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link RealtimeTestClient} of {@link AutoConfigureRealtimeTestClient}: it writes and reads values with the
 * application's {@link JsonMapper}, and finds the server's port when it first connects, since a random port is known
 * only once the server has started.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public final class RealtimeTestClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RealtimeTestClient realtimeTestClient(Environment environment, ObjectProvider<JsonMapper> mapper) {
		String path = environment.getProperty("server.servlet.context-path", "")
				+ environment.getProperty("realtime.path", "/socket.io/");
		return new RealtimeTestClient(() -> origin(environment), path,
				mapper.getIfAvailable(JsonMapper::shared));
	}

	private static String origin(Environment environment) {
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("The application runs on no port: a RealtimeTestClient needs "
					+ "@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT) or DEFINED_PORT");
		}
		String scheme = environment.getProperty("server.ssl.enabled", Boolean.class, false) ? "https" : "http";
		return scheme + "://localhost:" + port;
	}

}
