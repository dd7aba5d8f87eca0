package dev.realtime.autoconfigure.actuate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import dev.realtime.autoconfigure.RealtimeAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** When the health contributor and the endpoint are there, and when they back off. */
class RealtimeActuatorAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RealtimeAutoConfiguration.class, EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				RealtimeHealthContributorAutoConfiguration.class, RealtimeEndpointAutoConfiguration.class));

	@Test
	void contributesTheHealthAndLeavesTheEndpointOutUntilExposed() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RealtimeHealthIndicator.class).doesNotHaveBean(RealtimeEndpoint.class);
			assertThat(context.getBean("realtimeHealthIndicator", HealthIndicator.class).health().getStatus().getCode())
				.isEqualTo("UP");
		});
	}

	@Test
	void providesTheEndpointAndItsWebExtensionOnceExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=realtime")
			.run((context) -> assertThat(context).hasSingleBean(RealtimeEndpoint.class)
				.hasSingleBean(RealtimeEndpointWebExtension.class));
	}

	@Test
	void leavesTheEndpointOutWhenItsAccessIsNone() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=realtime",
					"management.endpoint.realtime.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(RealtimeEndpoint.class));
	}

	@Test
	void leavesTheHealthOutWhenDisabled() {
		this.runner.withPropertyValues("management.health.realtime.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RealtimeHealthIndicator.class));
	}

	@Test
	void backsOffForTheApplicationsOwnHealthIndicator() {
		this.runner.withBean("realtimeHealthIndicator", HealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean(RealtimeHealthIndicator.class));
	}

	/**
	 * The classes the auto-configurations check for; in an application without Actuator, that check leaves them out
	 * before their other conditions are read.
	 */
	@Test
	void startsWithoutActuatorOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class, HealthIndicator.class))
			.withPropertyValues("management.endpoints.web.exposure.include=realtime")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RealtimeHealthIndicator.class)
				.doesNotHaveBean(RealtimeEndpoint.class));
	}

}
