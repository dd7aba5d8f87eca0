package dev.realtime.redis;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
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
@Import(RedisReconnectConfiguration.class)
public final class RedisAdapterAutoConfiguration {

	/** How long a publication may wait for Redis when {@code spring.data.redis.timeout} is not set. */
	static final Duration DEFAULT_PUBLISH_TIMEOUT = Duration.ofSeconds(1);

	@Bean
	@ConditionalOnMissingBean(AdapterFactory.class)
	RedisAdapterFactory redisAdapterFactory(RedisConnectionFactory connectionFactory,
			ObjectProvider<JsonMapper> mapper, RedisAdapterProperties properties, Environment environment) {
		return new RedisAdapterFactory(connectionFactory, mapper.getIfAvailable(JsonMapper::new),
				properties.getKeyPrefix(), properties.getRequestTimeout(), publishTimeout(environment));
	}

	/** {@code spring.data.redis.timeout}, which bounds every write of either adapter. */
	static Duration publishTimeout(Environment environment) {
		return Binder.get(environment).bind("spring.data.redis.timeout", Duration.class).orElse(DEFAULT_PUBLISH_TIMEOUT);
	}

}
