package dev.realtime.redis;

import java.time.Duration;

import io.lettuce.core.resource.ClientResources;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.InMemoryAdapter;
import dev.realtime.autoconfigure.RealtimeAutoConfiguration;
import dev.realtime.server.RealtimeServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class RedisAdapterAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisAdapterAutoConfiguration.class,
				RedisStreamsAdapterAutoConfiguration.class, RealtimeAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.port=" + TestRedis.shared().port());

	@Test
	void redisAdapterReplacesTheInMemoryOneWhenChosen() {
		this.runner.withPropertyValues("realtime.adapter.type=redis").run((context) -> {
			assertThat(context).getBean(AdapterFactory.class).isInstanceOf(RedisAdapterFactory.class);
			assertThat(context.getBean(RealtimeServer.class).sockets().adapter()).isInstanceOf(RedisAdapter.class);
		});
	}

	@Test
	void redisStreamsAdapterReplacesTheInMemoryOneWhenChosenAndRecoversConnections() {
		this.runner
			.withPropertyValues("realtime.adapter.type=redis-streams", "realtime.connection-state-recovery.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.getBean(AdapterFactory.class)
					.isInstanceOf(RedisStreamsAdapterFactory.class);
				assertThat(context.getBean(RealtimeServer.class).sockets().adapter())
					.isInstanceOf(RedisStreamsAdapter.class);
			});
	}

	@Test
	void redisStreamsSettingsThatMakeNoSenseStopStartUp() {
		this.runner.withPropertyValues("realtime.adapter.type=redis-streams", "realtime.adapter.redis-streams.max-len=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("maxLen"));
		this.runner
			.withPropertyValues("realtime.adapter.type=redis-streams", "realtime.adapter.redis-streams.stream-name=")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("streamName"));
	}

	@Test
	void redisStreamsAdapterWithoutAConnectionFactoryStopsStartUp() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RedisStreamsAdapterAutoConfiguration.class,
					RealtimeAutoConfiguration.class))
			.withPropertyValues("realtime.adapter.type=redis-streams")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("realtime.adapter.type")
				.hasMessageContaining("redis-streams adapter needs a RedisConnectionFactory bean"));
	}

	@Test
	void redisStreamsAdapterNeedsLettuce() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RedisStreamsAdapterAutoConfiguration.class,
					RealtimeAutoConfiguration.class))
			.withBean(RedisConnectionFactory.class, () -> mock(RedisConnectionFactory.class))
			.withPropertyValues("realtime.adapter.type=redis-streams")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("reads the stream with Lettuce"));
	}

	@Test
	void inMemoryAdapterStaysWhenRedisIsNotChosen() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AdapterFactory.class).doesNotHaveBean(RedisAdapterFactory.class);
			assertThat(context.getBean(RealtimeServer.class).sockets().adapter())
				.isNotInstanceOf(RedisAdapter.class);
		});
	}

	@Test
	void redisAdapterWithoutAConnectionFactoryStopsStartUp() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(RedisAdapterAutoConfiguration.class, RealtimeAutoConfiguration.class))
			.withPropertyValues("realtime.adapter.type=redis")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("realtime.adapter.type")
				.hasMessageContaining("needs a RedisConnectionFactory bean"));
	}

	@Test
	void refusesSettingsThatMakeNoSense() {
		this.runner.withPropertyValues("realtime.adapter.type=redis", "realtime.adapter.redis.request-timeout=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("requestTimeout")
				.hasMessageContaining("must be a positive duration"));
		this.runner.withPropertyValues("realtime.adapter.type=redis", "realtime.adapter.redis.key-prefix= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("keyPrefix"));
	}

	@Test
	void redisClientTriesToReconnectAtLeastEverySecondWithEitherRedisAdapter() {
		for (String type : new String[] { "redis", "redis-streams" }) {
			this.runner.withPropertyValues("realtime.adapter.type=" + type)
				.run((context) -> assertThat(context.getBean(ClientResources.class).reconnectDelay().createDelay(20))
					.isEqualTo(Duration.ofSeconds(1)));
		}
		this.runner.run((context) -> assertThat(context.getBean(ClientResources.class).reconnectDelay().createDelay(20))
			.as("Lettuce's own delay, without the adapter")
			.isEqualTo(Duration.ofSeconds(30)));
	}

	@Test
	void applicationAdapterFactoryWins() {
		AdapterFactory own = InMemoryAdapter::new;
		this.runner.withPropertyValues("realtime.adapter.type=redis")
			.withBean(AdapterFactory.class, () -> own)
			.run((context) -> assertThat(context).getBean(AdapterFactory.class).isSameAs(own));
	}

	@Test
	void keyPrefixAndRequestTimeoutAreBound() {
		this.runner
			.withPropertyValues("realtime.adapter.type=redis", "realtime.adapter.redis.key-prefix=my-app",
					"realtime.adapter.redis.request-timeout=750ms")
			.run((context) -> {
				RedisAdapterFactory factory = context.getBean(RedisAdapterFactory.class);
				assertThat(factory.channels("/chat").request()).isEqualTo("my-app-request#/chat#");
				assertThat(factory.requestTimeout()).hasMillis(750);
			});
	}

}
