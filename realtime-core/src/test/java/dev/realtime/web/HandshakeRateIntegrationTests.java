package dev.realtime.web;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.realtime.metrics.RealtimeMetrics;
import dev.realtime.server.RealtimeServer;
import dev.realtime.support.LocalAddressSocketFactory;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most two handshakes per second per client address: a burst from one loopback address is cut off with 429,
 * counted and logged, while another address goes on.
 */
@SpringBootTest(classes = { RealtimeTestApplication.class, HandshakeRateIntegrationTests.Metrics.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "test.handshakes-per-second=2", "logging.level.dev.realtime.engine.EngineServer=debug" })
@ExtendWith(OutputCaptureExtension.class)
class HandshakeRateIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	@Test
	void aBurstOfHandshakesFromOneAddressIsCutOffWith429WhileAnotherAddressGoesOn(CapturedOutput output)
			throws Exception {
		List<Answer> burst = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			burst.add(handshake("127.0.0.4"));
		}
		assertThat(burst.get(0).status()).isEqualTo(200);
		assertThat(burst.get(1).status()).isEqualTo(200);
		// two come back each second: unless this loop took that long, most of the rest are refused
		List<Answer> refused = burst.stream().filter((answer) -> answer.status() == 429).toList();
		assertThat(refused).isNotEmpty();
		assertThat(refused.get(0).retryAfter()).isEqualTo("1");
		assertThat(refused.get(0).body()).isEqualTo("{\"code\":4,\"message\":\"Too many handshakes\"}");
		assertThat(handshake("127.0.0.5").status()).isEqualTo(200);
		Counter counter = this.registry.find("realtime.handshakes.refused").tag("reason", "too many handshakes").counter();
		assertThat(counter).isNotNull();
		assertThat(counter.count()).isEqualTo(refused.size());
		assertThat(output).contains("Refused GET /socket.io/ with \"Too many handshakes\": \"127.0.0.4\" made 2 "
				+ "handshakes within a second, realtime.limits.handshakes-per-second-per-address");
	}

	private Answer handshake(String address) throws Exception {
		OkHttpClient http = new OkHttpClient.Builder().socketFactory(new LocalAddressSocketFactory(address)).build();
		Request request = new Request.Builder()
			.url("http://127.0.0.1:" + this.port + "/socket.io/?EIO=4&transport=polling")
			.build();
		try (Response response = http.newCall(request).execute()) {
			return new Answer(response.code(), response.header("Retry-After"), response.body().string());
		}
	}

	record Answer(int status, @Nullable String retryAfter, String body) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Metrics {

		@Bean
		MeterRegistry meterRegistry(RealtimeServer server) {
			SimpleMeterRegistry registry = new SimpleMeterRegistry();
			new RealtimeMetrics(server, null).bindTo(registry);
			return registry;
		}

	}

}
