package dev.realtime.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.InMemoryAdapter;
import dev.realtime.adapter.SessionAwareAdapter;
import dev.realtime.annotation.RealtimeControllerRegistrar;
import dev.realtime.engine.EngineServer;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.ServerOptions;
import dev.realtime.web.UnservedMethodFilter;

import static org.assertj.core.api.Assertions.assertThat;

class RealtimeAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RealtimeAutoConfiguration.class));

	@Test
	void servesTheEndpointInAServletApplication() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RealtimeServer.class)
				.hasSingleBean(EngineServer.class)
				.hasSingleBean(AdapterFactory.class)
				.hasSingleBean(RealtimeControllerRegistrar.class)
				.hasBean("realtimeServletRegistration");
			ServletRegistrationBean<?> registration = context.getBean("realtimeServletRegistration",
					ServletRegistrationBean.class);
			assertThat(registration.getUrlMappings()).containsExactly("/socket.io/*");
			assertThat(registration.isAsyncSupported()).isTrue();
			FilterRegistrationBean<?> filter = context.getBean("realtimeUnservedMethodFilterRegistration",
					FilterRegistrationBean.class);
			assertThat(filter.getFilter()).isInstanceOf(UnservedMethodFilter.class);
			assertThat(filter.getUrlPatterns()).containsExactly("/socket.io/*");
			assertThat(filter.getOrder()).isEqualTo(UnservedMethodFilter.ORDER);
		});
	}

	@Test
	void connectionStateRecoveryStoresPacketsInTheInMemoryAdapter() {
		this.runner.withPropertyValues("realtime.connection-state-recovery.enabled=true").run((context) -> {
			RealtimeServer server = context.getBean(RealtimeServer.class);
			assertThat(server.namespace("/").adapter()).isInstanceOf(SessionAwareAdapter.class);
		});
		this.runner.run((context) -> assertThat(context.getBean(RealtimeServer.class).namespace("/").adapter())
			.isNotInstanceOf(SessionAwareAdapter.class));
	}

	@Test
	void connectionStateRecoveryRefusesThePubSubAdapter() {
		this.runner
			.withPropertyValues("realtime.connection-state-recovery.enabled=true", "realtime.adapter.type=redis")
			.withBean(AdapterFactory.class, () -> InMemoryAdapter::new)
			.run((context) -> assertThat(FailureReport.of(context.getStartupFailure()))
				.contains("'realtime.connection-state-recovery.enabled'")
				.contains("Use realtime.adapter.type=redis-streams"));
		this.runner
			.withPropertyValues("realtime.connection-state-recovery.enabled=true",
					"realtime.adapter.type=redis-streams")
			.withBean(AdapterFactory.class, () -> InMemoryAdapter::new)
			.run((context) -> assertThat(context).as("the streams adapter keeps what recovery needs").hasNotFailed());
	}

	@Test
	void bindsProperties() {
		this.runner
			.withPropertyValues("realtime.path=/rt", "realtime.ping-interval=3s", "realtime.ping-timeout=2s",
					"realtime.max-payload=10KB", "realtime.transports=websocket",
					"realtime.allowed-origins=https://*.example.com")
			.run((context) -> {
				var options = context.getBean(EngineServer.class).options();
				assertThat(options.path()).isEqualTo("/rt/");
				assertThat(options.pingInterval()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.pingTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(options.maxPayload()).isEqualTo(10 * 1024);
				assertThat(options.transports()).containsExactly("websocket");
				assertThat(options.allowedOrigins()).containsExactly("https://*.example.com");
				assertThat(context.getBean("realtimeServletRegistration", ServletRegistrationBean.class)
					.getUrlMappings()).containsExactly("/rt/*");
			});
	}

	@Test
	void shrinksTomcatsSocketBuffersUnlessTheApplicationHasItsOwnCustomizer() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(TomcatSocketBuffersCustomizer.class));
		this.runner
			.withBean("realtimeTomcatSocketBuffersCustomizer", TomcatConnectorCustomizer.class, () -> (connector) -> {
			})
			.run((context) -> assertThat(context).doesNotHaveBean(TomcatSocketBuffersCustomizer.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("realtime.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RealtimeServer.class)
				.doesNotHaveBean(EngineServer.class)
				.doesNotHaveBean("realtimeServletRegistration"));
	}

	@Test
	void backsOffOutsideServletWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RealtimeAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RealtimeServer.class));
	}

	@Test
	void backsOffFromBeansTheApplicationDefines() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(AdapterFactory.class)).isSameAs(context.getBean(UserBeans.class).adapters);
			assertThat(context).getBean(RealtimeServer.class).isSameAs(context.getBean(UserBeans.class).server);
			assertThat(context.getBean("realtimeTaskExecutor")).isInstanceOf(SimpleAsyncTaskExecutor.class);
		});
	}

	@Test
	void usesTheApplicationJsonMapper() {
		JsonMapper mapper = JsonMapper.builder().build();
		this.runner.withBean(JsonMapper.class, () -> mapper)
			.run((context) -> assertThat(context).hasSingleBean(RealtimeServer.class));
	}

	@Test
	void runsHandlersOnAPoolOfPlatformThreadsByDefault() {
		this.runner.withPropertyValues("realtime.executor.pool-size=3").run((context) -> {
			ThreadPoolTaskExecutor executor = context.getBean("realtimeTaskExecutor", ThreadPoolTaskExecutor.class);
			assertThat(executor.getMaxPoolSize()).isEqualTo(3);
		});
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void runsHandlersOnVirtualThreadsWhenEnabled() {
		this.runner.withPropertyValues("spring.threads.virtual.enabled=true")
			.run((context) -> assertThat(context.getBean("realtimeTaskExecutor"))
				.isInstanceOf(SimpleAsyncTaskExecutor.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		final AdapterFactory adapters = InMemoryAdapter::new;

		RealtimeServer server;

		@Bean
		AdapterFactory myAdapters() {
			return this.adapters;
		}

		@Bean
		RealtimeServer myServer(TaskScheduler realtimeTaskScheduler) {
			this.server = new RealtimeServer(JsonMapper.builder().build(), this.adapters, realtimeTaskScheduler,
					ServerOptions.defaults());
			return this.server;
		}

		@Bean
		SimpleAsyncTaskExecutor realtimeTaskExecutor() {
			return new SimpleAsyncTaskExecutor();
		}

	}

}
