package dev.realtime.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.realtime.engine.EngineServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A setting that makes no sense stops start-up with Spring Boot's own report, which names the property and says why.
 */
class RealtimePropertiesValidationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RealtimeAutoConfiguration.class, RealtimeSecurityAutoConfiguration.class));

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			path                             | rt           | path             | must start with '/' and hold no '*'
			path                             | /socket.io/* | path             | must start with '/' and hold no '*'
			max-payload                      | -1           | maxPayload       | must be a positive size
			max-payload                      | 0            | maxPayload       | must be a positive size
			ping-interval                    | 0s           | pingInterval     | must be a positive duration
			ping-timeout                     | -5s          | pingTimeout      | must be a positive duration
			connect-timeout                  | 0s           | connectTimeout   | must be a positive duration
			upgrade-timeout                  | -1ms         | upgradeTimeout   | must be a positive duration
			transports                       | websockets   | transports       | must name only polling, websocket
			transports                       | ''           | transports       | must name at least one
			max-buffered-bytes               | 0            | maxBufferedBytes | must be a positive size
			executor.pool-size               | 0            | poolSize         | must be at least 1
			middleware.timeout               | 0s           | timeout          | must be a positive duration
			rate-limit.events.capacity       | 0            | capacity         | must be at least 1
			rate-limit.events.per-second     | 0            | perSecond        | must be a positive number
			rate-limit.publishes.capacity    | -3           | capacity         | must be at least 1
			rate-limit.publishes.per-second  | NaN          | perSecond        | must be a positive number
			security.expiry-grace            | -1s          | expiryGrace      | must be zero or a positive duration
			limits.connections-per-address   | 0            | connectionsPerAddress | must be at least 1
			limits.handshakes-per-second-per-address | -1   | handshakesPerSecondPerAddress | must be at least 1
			limits.namespaces-per-connection | 0            | namespacesPerConnection | must be at least 1
			connection-state-recovery.max-disconnection-duration | 0s | maxDisconnectionDuration | must be a positive duration
			connection-state-recovery.max-stored-packets         | 0  | maxStoredPackets         | must be at least 1
			""")
	void refusesToStart(String property, String value, String field, String reason) {
		String name = "realtime." + property;
		String prefix = name.substring(0, name.lastIndexOf('.'));
		this.runner.withPropertyValues(name + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			String report = FailureReport.of(context.getStartupFailure());
			assertThat(report).contains("Property: " + prefix + "." + field)
				.contains("Origin: \"" + name + "\"")
				.contains("Reason: " + reason);
		});
	}

	@Test
	void acceptsShortDurationsAndAZeroGrace() {
		this.runner
			.withPropertyValues("realtime.ping-interval=300ms", "realtime.ping-timeout=200ms",
					"realtime.security.expiry-grace=0s", "realtime.transports=websocket")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(EngineServer.class));
	}

	@Test
	void refusesAnUnknownAdapterType() {
		this.runner.withPropertyValues("realtime.adapter.type=kafka").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(FailureReport.of(context.getStartupFailure())).contains("Property: realtime.adapter.type")
				.contains("Value: \"kafka\"");
		});
	}

	@Test
	void refusesTheRedisAdaptersWithoutRealtimeRedis() {
		for (String type : new String[] { "redis", "redis-streams" }) {
			this.runner.withPropertyValues("realtime.adapter.type=" + type).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(FailureReport.of(context.getStartupFailure()))
					.contains("Invalid value '" + type + "' for configuration property 'realtime.adapter.type'")
					.contains("The " + type + " adapter needs dev.realtime:realtime-redis");
			});
		}
	}

}
