package dev.realtime.support;

import java.time.Duration;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.ConnectionStateRecovery;
import dev.realtime.adapter.InMemoryAdapter;
import dev.realtime.adapter.SessionAwareAdapter;
import dev.realtime.annotation.RealtimeControllerRegistrar;
import dev.realtime.annotation.RealtimeMiddlewareRegistrar;
import dev.realtime.engine.AddressLimits;
import dev.realtime.engine.EngineOptions;
import dev.realtime.engine.EngineServer;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.ServerOptions;
import dev.realtime.web.EngineServlet;
import dev.realtime.web.HandshakeLine;
import dev.realtime.web.UnservedMethodFilter;

/**
 * A servlet application with the realtime endpoint wired by hand (the auto-configuration lives in another module),
 * with short heartbeat and connect timeouts.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RealtimeTestApplication {

	public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	public static final Duration MIDDLEWARE_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	ThreadPoolTaskScheduler realtimeTaskScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		return scheduler;
	}

	@Bean
	ThreadPoolTaskExecutor realtimeTaskExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(8);
		return executor;
	}

	@Bean
	RealtimeServer realtimeServer(ObjectProvider<JsonMapper> mapper, ThreadPoolTaskScheduler realtimeTaskScheduler,
			Environment environment) {
		// connection state recovery with test.recovery=true, for at most test.recovery.max-stored-packets packets
		ConnectionStateRecovery recovery = environment.getProperty("test.recovery", Boolean.class, false)
				? new ConnectionStateRecovery(Duration.ofMinutes(2), true,
						environment.getProperty("test.recovery.max-stored-packets", Integer.class, 1000))
				: null;
		AdapterFactory adapters = (recovery != null)
				? (namespace) -> new SessionAwareAdapter(namespace, recovery, realtimeTaskScheduler)
				: InMemoryAdapter::new;
		// test.namespaces-per-connection and test.cleanup-empty as their realtime.* properties
		return new RealtimeServer(mapper.getIfAvailable(JsonMapper::new), adapters, realtimeTaskScheduler,
				new ServerOptions(CONNECT_TIMEOUT, MIDDLEWARE_TIMEOUT, recovery,
						environment.getProperty("test.namespaces-per-connection", Integer.class,
								ServerOptions.DEFAULT_NAMESPACES_PER_CONNECTION),
						environment.getProperty("test.cleanup-empty", Boolean.class, true)));
	}

	@Bean
	EngineServer engineServer(RealtimeServer server, ThreadPoolTaskExecutor realtimeTaskExecutor,
			ThreadPoolTaskScheduler realtimeTaskScheduler, Environment environment) {
		EngineOptions defaults = EngineOptions.defaults();
		// short heartbeats, so that tests see a silent client go quickly; tests of other limits lengthen them
		Duration pingInterval = environment.getProperty("test.ping-interval", Duration.class, Duration.ofMillis(500));
		long maxBufferedBytes = environment.getProperty("test.max-buffered-bytes", Long.class,
				defaults.maxBufferedBytes());
		EngineOptions options = new EngineOptions(defaults.path(), pingInterval, Duration.ofMillis(400),
				defaults.maxPayload(), defaults.upgradeTimeout(), defaults.transports(), defaults.allowedOrigins(),
				maxBufferedBytes, defaults.perMessageDeflate());
		// limits per client address with test.connections-per-address and test.handshakes-per-second
		AddressLimits limits = new AddressLimits(environment.getProperty("test.connections-per-address", Integer.class, 0),
				environment.getProperty("test.handshakes-per-second", Integer.class, 0));
		return new EngineServer(options, server.engineListener(), realtimeTaskExecutor, realtimeTaskScheduler,
				limits);
	}

	@Bean
	ServletRegistrationBean<EngineServlet> realtimeServlet(EngineServer engineServer, RealtimeServer server) {
		ServletRegistrationBean<EngineServlet> registration = new ServletRegistrationBean<>(
				new EngineServlet(engineServer, new HandshakeLine(server.middleware()::handshake)), "/socket.io/*");
		registration.setAsyncSupported(true);
		registration.setLoadOnStartup(1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<UnservedMethodFilter> realtimeUnservedMethodFilter() {
		FilterRegistrationBean<UnservedMethodFilter> registration = new FilterRegistrationBean<>(
				new UnservedMethodFilter());
		registration.addUrlPatterns("/socket.io/*");
		registration.setOrder(UnservedMethodFilter.ORDER);
		return registration;
	}

	@Bean
	RealtimeMiddlewareRegistrar realtimeMiddlewareRegistrar(ListableBeanFactory beanFactory, RealtimeServer server) {
		return new RealtimeMiddlewareRegistrar(beanFactory, server);
	}

	@Bean
	RealtimeControllerRegistrar realtimeControllerRegistrar(ListableBeanFactory beanFactory, RealtimeServer server,
			ObjectProvider<JsonMapper> mapper) {
		return new RealtimeControllerRegistrar(beanFactory, server, mapper.getIfAvailable(JsonMapper::new));
	}

}
