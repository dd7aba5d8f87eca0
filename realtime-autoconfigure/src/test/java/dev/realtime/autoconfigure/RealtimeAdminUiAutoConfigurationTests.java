package dev.realtime.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import dev.realtime.admin.AdminUiAuthentication;
import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.server.RealtimeServer;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RealtimeAdminUiAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RealtimeAutoConfiguration.class,
				RealtimeSecurityAutoConfiguration.class, RealtimeAdminUiAutoConfiguration.class));

	@Test
	void isOffUnlessEnabled() {
		this.runner.withUserConfiguration(Users.class)
			.run((context) -> assertThat(context).doesNotHaveBean(AdminUiLifecycle.class)
				.doesNotHaveBean(AdminUiAuthentication.class));
	}

	@Test
	void servesItsNamespaceAndLogsInThroughTheAuthenticationManager() {
		this.runner.withUserConfiguration(Users.class)
			.withPropertyValues("realtime.admin-ui.enabled=true", "realtime.admin-ui.namespace=/ops")
			.run((context) -> {
				assertThat(context).hasSingleBean(AdminUiAuthentication.class);
				assertThat(context.getBean(AdminUiLifecycle.class).isRunning()).isTrue();
				assertThat(context.getBean(RealtimeServer.class).namespaces())
					.anySatisfy((namespace) -> assertThat(namespace.name()).isEqualTo("/ops"));
			});
	}

	@Test
	void refusesANamespaceTheApplicationServes() {
		this.runner.withUserConfiguration(Users.class)
			.withBean(AdminController.class)
			.withPropertyValues("realtime.admin-ui.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("realtime.admin-ui.namespace")
				.hasMessageContaining("The application serves the namespace /admin itself"));
	}

	@Test
	void refusesToStartWithoutAWayToLogIn() {
		this.runner.withPropertyValues("realtime.admin-ui.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("realtime.admin-ui.auth")
				.hasMessageContaining("no AuthenticationManager bean"));
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("realtime.admin-ui.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("realtime.admin-ui.auth")
				.hasMessageContaining("spring-security-core is not on the classpath"));
	}

	@Test
	void warnsThatNoLoginIsForLocalDevelopmentOnly(CapturedOutput output) {
		this.runner.withPropertyValues("realtime.admin-ui.enabled=true", "realtime.admin-ui.auth=none")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(AdminUiAuthentication.class);
				assertThat(output).contains("The admin UI at namespace /admin lets anyone in "
						+ "(realtime.admin-ui.auth=none): for local development only");
			});
	}

	@Test
	void refusesANamespaceThatIsNoNamespace() {
		this.runner.withPropertyValues("realtime.admin-ui.enabled=true", "realtime.admin-ui.namespace=admin")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("realtime.admin-ui.namespace"));
	}

	@RealtimeController("/admin")
	static class AdminController {

		@OnEvent("announce")
		void announce() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Users {

		@Bean
		AuthenticationManager authenticationManager() {
			return new ProviderManager(new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
					User.withUsername("admin").password("{noop}admin").roles("ADMIN").build())));
		}

	}

}
