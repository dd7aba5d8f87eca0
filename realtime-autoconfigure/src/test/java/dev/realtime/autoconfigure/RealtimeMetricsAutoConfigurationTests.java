package dev.realtime.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.realtime.metrics.RealtimeMetrics;

import static org.assertj.core.api.Assertions.assertThat;

class RealtimeMetricsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RealtimeAutoConfiguration.class, MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				ObservationAutoConfiguration.class, RealtimeMetricsAutoConfiguration.class));

	@Test
	void bindsTheMetersToTheApplicationsRegistry() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RealtimeMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("realtime.adapter.publish.failures").functionCounter().count()).isZero();
			assertThat(registry.get("realtime.bytes").tag("direction", "in").counter().count()).isZero();
			assertThat(registry.get("realtime.connections").tag("namespace", "/").gauges()).hasSize(2);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("realtime.metrics.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(RealtimeMetrics.class);
			assertThat(context.getBean(MeterRegistry.class).find("realtime.bytes").counter()).isNull();
		});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RealtimeAutoConfiguration.class,
					RealtimeMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RealtimeMetrics.class));
	}

	@Test
	void startsWithoutMicrometerOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RealtimeMetrics.class));
	}

}
