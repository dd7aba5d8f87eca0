package dev.realtime.autoconfigure;

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
import org.springframework.boot.thread.Threading;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.InMemoryAdapter;
import dev.realtime.annotation.RealtimeControllerRegistrar;
import dev.realtime.annotation.RealtimeMiddlewareRegistrar;
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
@EnableConfigurationProperties(RealtimeProperties.class)
@Import(RealtimeMiddlewareConfiguration.class)
public final class RealtimeAutoConfiguration {

	static final String EXECUTOR = "realtimeTaskExecutor";

	static final String SCHEDULER = "realtimeTaskScheduler";

	@Bean
	@ConditionalOnMissingBean
	AdapterFactory realtimeAdapterFactory() {
		return InMemoryAdapter::new;
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
			ObjectProvider<InvocationScope> invocationScope) {
		RealtimeServer server = new RealtimeServer(mapper.getIfAvailable(JsonMapper::new), adapterFactory, scheduler,
				properties.toServerOptions());
		invocationScope.ifUnique(server::setInvocationScope);
		return server;
	}

	@Bean
	@ConditionalOnMissingBean
	EngineServer realtimeEngineServer(RealtimeServer server, @Qualifier(EXECUTOR) AsyncTaskExecutor executor,
			@Qualifier(SCHEDULER) TaskScheduler scheduler, RealtimeProperties properties) {
		return new EngineServer(properties.toEngineOptions(), server.engineListener(), executor, scheduler);
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

}
