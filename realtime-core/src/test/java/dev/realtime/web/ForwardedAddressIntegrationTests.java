package dev.realtime.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.socket.client.IO;
import io.socket.client.Socket;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.realtime.engine.EngineServer;
import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One connection per client address, for clients that all come from 127.0.0.1 behind a proxy that names them in
 * {@code X-Forwarded-For}: the header decides the address only when {@code server.forward-headers-strategy} makes
 * the container (native) or Spring's filter (framework) take it; otherwise anyone could claim any address.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "test.connections-per-address=1")
class ForwardedAddressIntegrationTests {

	@Nested
	class WithoutAStrategy extends Scenario {

		WithoutAStrategy() {
			super(false);
		}

	}

	@Nested
	@TestPropertySource(properties = "server.forward-headers-strategy=none")
	class None extends Scenario {

		None() {
			super(false);
		}

	}

	@Nested
	@TestPropertySource(properties = "server.forward-headers-strategy=native")
	class Native extends Scenario {

		Native() {
			super(true);
		}

	}

	@Nested
	@TestPropertySource(properties = "server.forward-headers-strategy=framework")
	class Framework extends Scenario {

		Framework() {
			super(true);
		}

	}

	abstract static class Scenario {

		private final boolean honoured;

		@LocalServerPort
		int port;

		@Autowired
		EngineServer engine;

		Scenario(boolean honoured) {
			this.honoured = honoured;
		}

		@ParameterizedTest
		@ValueSource(strings = { "polling", "websocket" })
		void theForwardedAddressCountsOnlyWhenTheStrategySaysSo(String transport) {
			await().until(() -> this.engine.sessionCount() == 0);
			try (JavaClient first = forwardedFor("203.0.113.1", transport).awaitConnect();
					JavaClient sameClient = forwardedFor("203.0.113.1", transport);
					JavaClient otherClient = forwardedFor("203.0.113.2", transport)) {
				sameClient.await(Socket.EVENT_CONNECT_ERROR);
				if (this.honoured) {
					otherClient.awaitConnect();
				}
				else {
					assertThat(otherClient.await(Socket.EVENT_CONNECT_ERROR)).as("127.0.0.1 has its connection")
						.isNotEmpty();
				}
			}
		}

		private JavaClient forwardedFor(String client, String transport) {
			IO.Options options = IO.Options.builder()
				.setTransports(new String[] { transport })
				.setExtraHeaders(Map.of("X-Forwarded-For", List.of(client)))
				.build();
			return JavaClient.connect(URI.create("http://127.0.0.1:" + this.port + "/"), options);
		}

	}

}
