package dev.realtime.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.realtime.metrics.RealtimeMetrics;
import dev.realtime.server.RealtimeServer;

/**
 * Registers the {@code realtime.*} meters with the application's {@link MeterRegistry} (Spring Boot binds the
 * {@link RealtimeMetrics} binder to it), and observes each event's handlers through the application's
 * {@link ObservationRegistry} when there is one. Off with {@code realtime.metrics.enabled=false}.
 */
@AutoConfiguration(after = RealtimeAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, RealtimeServer.class })
@ConditionalOnProperty(prefix = "realtime.metrics", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RealtimeMetricsProperties.class)
public final class RealtimeMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RealtimeMetrics realtimeMetrics(RealtimeServer server, ObjectProvider<ObservationRegistry> observations) {
		return new RealtimeMetrics(server, observations.getIfUnique());
	}

}
