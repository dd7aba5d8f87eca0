package dev.realtime.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.DispatcherHandler;

import dev.realtime.server.RealtimeServer;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RealtimeReactiveStackAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(RealtimeAutoConfiguration.class,
			RealtimeReactiveStackAutoConfiguration.class);

	@Test
	void warnsThatAReactiveApplicationGetsNoEndpoint(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(RealtimeServer.class);
			assertThat(output).containsOnlyOnce("The realtime endpoint is not served: it needs a servlet web "
					+ "application, and this one is reactive (WebFlux)")
				.contains("set spring.main.web-application-type=servlet, or remove WebFlux");
		});
	}

	@Test
	void warnsThatAServletApplicationWithWebFluxServesNoWebFluxRoutes(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS).run((context) -> {
			assertThat(context).hasSingleBean(RealtimeServer.class);
			assertThat(output)
				.containsOnlyOnce("WebFlux is on the classpath, but the realtime starter brings Spring MVC");
		});
	}

	@Test
	void staysQuietWhenTheServletStackWasChosen(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("spring.main.web-application-type=servlet")
			.run((context) -> assertThat(output).doesNotContain("WebFlux"));
	}

	@Test
	void staysQuietWithoutWebFlux(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withClassLoader(new FilteredClassLoader(DispatcherHandler.class))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ReactiveStackWarning.class);
				assertThat(output).doesNotContain("WebFlux");
			});
	}

	@Test
	void staysQuietWhenTheEndpointIsDisabled(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("realtime.enabled=false")
			.run((context) -> assertThat(output).doesNotContain("realtime"));
	}

}
