package dev.realtime.redis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.AdapterFactory;

/**
 * Carries broadcasts between nodes through a Redis stream of the application's Redis ({@code spring.data.redis.*})
 * when {@code realtime.adapter.type=redis-streams}, and keeps the sessions of connection state recovery there. Runs
 * before the realtime auto-configuration, whose in-memory adapter then backs off.
 */
@AutoConfiguration(beforeName = "dev.realtime.autoconfigure.RealtimeAutoConfiguration",
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnClass({ AdapterFactory.class, RedisConnectionFactory.class })
@ConditionalOnProperty(prefix = "realtime.adapter", name = "type", havingValue = "redis-streams")
@ConditionalOnBean(RedisConnectionFactory.class)
@EnableConfigurationProperties(RedisStreamsAdapterProperties.class)
@Import(RedisReconnectConfiguration.class)
public final class RedisStreamsAdapterAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(AdapterFactory.class)
	RedisStreamsAdapterFactory redisStreamsAdapterFactory(RedisConnectionFactory connectionFactory,
			ObjectProvider<JsonMapper> mapper, RedisStreamsAdapterProperties properties, Environment environment) {
		if (!(connectionFactory instanceof LettuceConnectionFactory lettuce)) {
			throw new InvalidConfigurationPropertyValueException("realtime.adapter.type", "redis-streams",
					"The redis-streams adapter reads the stream with Lettuce, and the RedisConnectionFactory is a "
							+ connectionFactory.getClass().getSimpleName()
							+ ". Use Lettuce (spring.data.redis.client-type=lettuce, Spring Boot's default).");
		}
		return new RedisStreamsAdapterFactory(lettuce, mapper.getIfAvailable(JsonMapper::new), properties,
				RedisAdapterAutoConfiguration.publishTimeout(environment));
	}

}
