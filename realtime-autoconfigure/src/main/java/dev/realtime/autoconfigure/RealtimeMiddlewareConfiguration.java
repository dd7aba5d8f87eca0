package dev.realtime.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import dev.realtime.middleware.LoggingMiddleware;
import dev.realtime.middleware.RateLimitMiddleware;

/**
 * The ready-made middleware, each switched on by its {@code enabled} property and ordered by the constants of its
 * class, so that the application's own middleware can be placed before or after it.
 */
@Configuration(proxyBeanMethods = false)
class RealtimeMiddlewareConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("realtime.logging.enabled")
	@Order(LoggingMiddleware.ORDER)
	LoggingMiddleware realtimeLoggingMiddleware() {
		return new LoggingMiddleware();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("realtime.rate-limit.enabled")
	@Order(RateLimitMiddleware.ORDER)
	RateLimitMiddleware realtimeRateLimitMiddleware(RealtimeProperties properties) {
		RealtimeProperties.RateLimit rateLimit = properties.getRateLimit();
		return new RateLimitMiddleware(rateLimit.getEvents().toLimit(), rateLimit.getPublishes().toLimit());
	}

}
