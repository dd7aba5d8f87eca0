package dev.realtime.autoconfigure.actuate;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import dev.realtime.autoconfigure.RealtimeAutoConfiguration;
import dev.realtime.server.RealtimeServer;

/**
 * Contributes the {@code realtime} health ({@link RealtimeHealthIndicator}) where Spring Boot's health support is on
 * the classpath; off with {@code management.health.realtime.enabled=false}. It is in no probe group: see the README
 * for why, and how to add it to {@code readiness}.
 */
@AutoConfiguration(after = RealtimeAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(RealtimeServer.class)
@ConditionalOnEnabledHealthIndicator("realtime")
public final class RealtimeHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "realtimeHealthIndicator")
	RealtimeHealthIndicator realtimeHealthIndicator(RealtimeServer server) {
		return new RealtimeHealthIndicator(server);
	}

}
