package dev.realtime.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lettuce waits up to 30 s between two attempts to reconnect to a Redis that went away, so a node would be cut off
 * from the cluster for that long after Redis is back; at most 1 s with either Redis adapter. Applies to the client
 * resources Spring Boot creates (not to a {@code ClientResources} bean of the application's).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ ClientResources.class, ClientResourcesBuilderCustomizer.class })
class RedisReconnectConfiguration {

	static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(1);

	@Bean
	@ConditionalOnMissingBean(name = "realtimeRedisReconnectDelayCustomizer")
	ClientResourcesBuilderCustomizer realtimeRedisReconnectDelayCustomizer() {
		return (builder) -> builder
			.reconnectDelay(Delay.exponential(Duration.ofMillis(1), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS));
	}

}
