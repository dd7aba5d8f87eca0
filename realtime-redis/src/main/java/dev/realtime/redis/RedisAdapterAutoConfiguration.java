package dev.realtime.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.AdapterFactory;

/**
 * Carries broadcasts between nodes through the application's Redis ({@code spring.data.redis.*}) when
 * {@code realtime.adapter.type=redis}. Runs before the realtime auto-configuration, whose in-memory adapter then
 * backs off.
 */
@AutoConfiguration(beforeName = "dev.realtime.autoconfigure.RealtimeAutoConfiguration",
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ AdapterFactory.class, RedisConnectionFactory.class })
@ConditionalOnProperty(prefix = "realtime.adapter", name = "type", havingValue = "redis")
@ConditionalOnBean(RedisConnectionFactory.class)
@EnableConfigurationProperties(RedisAdapterProperties.class)
public final class RedisAdapterAutoConfiguration {

	/** How long a publication may wait for Redis when {@code spring.data.redis.timeout} is not set. */
	static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(1);

	@Bean
	@ConditionalOnMissingBean(AdapterFactory.class)
	RedisAdapterFactory redisAdapterFactory(RedisConnectionFactory connectionFactory,
			ObjectProvider<JsonMapper> mapper, RedisAdapterProperties properties, Environment environment) {
		Duration publishTimeout = Binder.get(environment)
			.bind("spring.data.redis.timeout", Duration.class)
			.orElse(DEFAULT_PUBLISH_TIMEOUT);
		return new RedisAdapterFactory(connectionFactory, mapper.getIfAvailable(JsonMapper::new),
				properties.getKeyPrefix(), properties.getRequestTimeout(), publishTimeout);
	}

	/**
	 * Lettuce waits up to 30 s between two attempts to reconnect to a Redis that went away, so a node would miss the
	 * cluster's broadcasts for that long after Redis is back; at most 1 s here. Applies to the client resources
	 * Spring Boot creates (not to a {@code ClientResources} bean of the application's).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ClientResources.class, ClientResourcesBuilderCustomizer.class })
	static class LettuceReconnectConfiguration {

		static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

		@Bean
		@ConditionalOnMissingBean(name = "realtimeRedisReconnectDelayCustomizer")
		ClientResourcesBuilderCustomizer realtimeRedisReconnectDelayCustomizer() {
			return (builder) -> builder
				.reconnectDelay(Delay.exponential(Duration.ofMillis(1), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS));
		}

	}

}
