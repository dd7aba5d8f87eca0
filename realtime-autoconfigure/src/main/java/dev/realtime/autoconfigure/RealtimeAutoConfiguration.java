package dev.realtime.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.ConnectionStateRecovery;
import dev.realtime.adapter.InMemoryAdapter;
import dev.realtime.adapter.SessionAwareAdapter;
import dev.realtime.annotation.RealtimeControllerRegistrar;
import dev.realtime.annotation.RealtimeMiddlewareRegistrar;
import dev.realtime.autoconfigure.RealtimeProperties.AdapterType;
import dev.realtime.engine.EngineServer;
import dev.realtime.server.InvocationScope;
import dev.realtime.server.RealtimeServer;
import dev.realtime.web.EngineServlet;
import dev.realtime.web.HandshakeLine;
import dev.realtime.web.UnservedMethodFilter;

/**
 * Serves a Socket.IO-compatible endpoint on the application's own servlet web server, at {@code realtime.path}.
 * Every bean backs off when the application defines its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(RealtimeServer.class)
@ConditionalOnProperty(prefix = "realtime", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ RealtimeProperties.class, ConnectionStateRecoveryProperties.class })
@Import(RealtimeMiddlewareConfiguration.class)
public final class RealtimeAutoConfiguration {

	static final String EXECUTOR = "realtimeTaskExecutor";

	static final String SCHEDULER = "realtimeTaskScheduler";

	private static final String REDIS_ADAPTER = "dev.realtime.redis.RedisAdapterFactory";

	@Bean
	@ConditionalOnMissingBean
	AdapterFactory realtimeAdapterFactory(RealtimeProperties properties, ConnectionStateRecoveryProperties recovery,
			@Qualifier(SCHEDULER) TaskScheduler scheduler, ApplicationContext context) {
		AdapterType type = properties.getAdapter().getType();
		if (type != AdapterType.IN_MEMORY) {
			String name = (type == AdapterType.REDIS) ? "redis" : "redis-streams";
			throw new InvalidConfigurationPropertyValueException("realtime.adapter.type", name,
					redisMissing(name, context.getClassLoader()));
		}
		ConnectionStateRecovery settings = recovery.toRecovery();
		if (settings != null) {
			return (namespace) -> new SessionAwareAdapter(namespace, settings, scheduler);
		}
		return InMemoryAdapter::new;
	}

	// the Redis adapters' own auto-configurations replace this bean when they can
	private static String redisMissing(String name, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(REDIS_ADAPTER, classLoader)) {
			return "The " + name + " adapter needs dev.realtime:realtime-redis and spring-boot-starter-data-redis on "
					+ "the classpath. Add them, or remove realtime.adapter.type to keep the in-memory adapter.";
		}
		return "The " + name + " adapter needs a RedisConnectionFactory bean. Add spring-boot-starter-data-redis and "
				+ "configure spring.data.redis.*, or remove realtime.adapter.type to keep the in-memory adapter.";
	}

	@Bean(name = SCHEDULER)
	@ConditionalOnMissingBean(name = SCHEDULER)
	ThreadPoolTaskScheduler realtimeTaskScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		scheduler.setThreadNamePrefix("realtime-timer-");
		scheduler.setRemoveOnCancelPolicy(true);
		return scheduler;
	}

	@Bean(name = EXECUTOR)
	@ConditionalOnMissingBean(name = EXECUTOR)
	@ConditionalOnThreading(Threading.VIRTUAL)
	SimpleAsyncTaskExecutor realtimeVirtualTaskExecutor() {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("realtime-");
		executor.setVirtualThreads(true);
		return executor;
	}

	@Bean(name = EXECUTOR)
	@ConditionalOnMissingBean(name = EXECUTOR)
	@ConditionalOnThreading(Threading.PLATFORM)
	ThreadPoolTaskExecutor realtimeTaskExecutor(RealtimeProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.getExecutor().getPoolSize());
		executor.setMaxPoolSize(properties.getExecutor().getPoolSize());
		executor.setThreadNamePrefix("realtime-");
		return executor;
	}

	@Bean
	@ConditionalOnMissingBean
	RealtimeServer realtimeServer(ObjectProvider<JsonMapper> mapper, AdapterFactory adapterFactory,
			@Qualifier(SCHEDULER) TaskScheduler scheduler, RealtimeProperties properties,
			ConnectionStateRecoveryProperties recovery,
			ObjectProvider<InvocationScope> invocationScope) {
		if (recovery.isEnabled() && properties.getAdapter().getType() == AdapterType.REDIS) {
			throw new InvalidConfigurationPropertyValueException("realtime.connection-state-recovery.enabled", true,
					"The redis adapter keeps no packet for a client that is away (Redis pub/sub), so it cannot "
							+ "recover connections. Use realtime.adapter.type=redis-streams, or turn recovery off.");
		}
		RealtimeServer server = new RealtimeServer(mapper.getIfAvailable(JsonMapper::new), adapterFactory, scheduler,
				properties.toServerOptions(recovery.toRecovery()));
		invocationScope.ifUnique(server::setInvocationScope);
		return server;
	}

	@Bean
	@ConditionalOnMissingBean
	EngineServer realtimeEngineServer(RealtimeServer server, @Qualifier(EXECUTOR) AsyncTaskExecutor executor,
			@Qualifier(SCHEDULER) TaskScheduler scheduler, RealtimeProperties properties) {
		return new EngineServer(properties.toEngineOptions(), server.engineListener(), executor, scheduler,
				properties.getLimits().toAddressLimits());
	}

	@Bean
	@ConditionalOnMissingBean
	RealtimeShutdown realtimeShutdown(EngineServer engineServer, RealtimeServer server) {
		return new RealtimeShutdown(engineServer, server);
	}

	@Bean
	@ConditionalOnMissingBean(name = "realtimeServletRegistration")
	ServletRegistrationBean<EngineServlet> realtimeServletRegistration(EngineServer engineServer,
			RealtimeServer server, RealtimeProperties properties) {
		ServletRegistrationBean<EngineServlet> registration = new ServletRegistrationBean<>(
				new EngineServlet(engineServer, new HandshakeLine(server.middleware()::handshake)),
				EngineServlet.urlMapping(properties.toEngineOptions()));
		registration.setName("realtimeServlet");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean(name = "realtimeUnservedMethodFilterRegistration")
	FilterRegistrationBean<UnservedMethodFilter> realtimeUnservedMethodFilterRegistration(RealtimeProperties properties) {
		FilterRegistrationBean<UnservedMethodFilter> registration = new FilterRegistrationBean<>(
				new UnservedMethodFilter());
		registration.addUrlPatterns(EngineServlet.urlMapping(properties.toEngineOptions()));
		registration.setOrder(UnservedMethodFilter.ORDER);
		return registration;
	}

	@Bean
	RealtimeStartupLogger realtimeStartupLogger(ApplicationContext context, EngineServer engineServer,
			RealtimeServer server) {
		return new RealtimeStartupLogger(context, engineServer.options(), server);
	}

	@Bean
	@ConditionalOnMissingBean
	RealtimeControllerRegistrar realtimeControllerRegistrar(ListableBeanFactory beanFactory, RealtimeServer server,
			ObjectProvider<JsonMapper> mapper) {
		return new RealtimeControllerRegistrar(beanFactory, server, mapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	@ConditionalOnMissingBean
	RealtimeMiddlewareRegistrar realtimeMiddlewareRegistrar(ListableBeanFactory beanFactory, RealtimeServer server) {
		return new RealtimeMiddlewareRegistrar(beanFactory, server);
	}

	/** Tomcat's per-connection socket buffers: see {@link TomcatSocketBuffersCustomizer}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.tomcat.TomcatConnectorCustomizer",
			"org.apache.catalina.connector.Connector" })
	static final class TomcatSocketBuffersConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "realtimeTomcatSocketBuffersCustomizer")
		TomcatSocketBuffersCustomizer realtimeTomcatSocketBuffersCustomizer() {
			return new TomcatSocketBuffersCustomizer();
		}

	}

}
