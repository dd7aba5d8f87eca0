package dev.realtime.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.realtime.engine.EngineOptions;
import dev.realtime.engine.EngineServer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Two echoing Engine.IO endpoints: {@code /socket.io/} with a slow heartbeat, so that pings do not interleave with
 * what a test checks, and {@code /heartbeat/} with the protocol test suite's 300 ms / 200 ms heartbeat.
 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
class EngineTestApplication {

		@Bean
		ThreadPoolTaskExecutor engineExecutor() {
			ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
			executor.setCorePoolSize(4);
			executor.setThreadNamePrefix("engine-");
			return executor;
		}

		@Bean
		ThreadPoolTaskScheduler engineScheduler() {
			ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("engine-timer-");
			return scheduler;
		}

		@Bean
		RecordingListener mainListener() {
			return new RecordingListener();
		}

		@Bean
		RecordingListener heartbeatListener() {
			return new RecordingListener();
		}

		@Bean(destroyMethod = "close")
		EngineServer main(RecordingListener mainListener, ThreadPoolTaskExecutor engineExecutor,
				ThreadPoolTaskScheduler engineScheduler) {
			EngineOptions options = new EngineOptions("/socket.io/", Duration.ofSeconds(25), Duration.ofSeconds(20),
					1_000_000, Duration.ofSeconds(10), Set.of(EngineOptions.POLLING, EngineOptions.WEBSOCKET), List.of(),
					2_000_000, true);
			return new EngineServer(options, mainListener, engineExecutor, engineScheduler);
		}

		@Bean(destroyMethod = "close")
		EngineServer heartbeat(RecordingListener heartbeatListener, ThreadPoolTaskExecutor engineExecutor,
				ThreadPoolTaskScheduler engineScheduler) {
			EngineOptions options = new EngineOptions("/heartbeat/", Duration.ofMillis(300), Duration.ofMillis(200),
					1_000_000, Duration.ofSeconds(10), Set.of(EngineOptions.POLLING, EngineOptions.WEBSOCKET), List.of(),
					16 * 1024 * 1024, false);
			return new EngineServer(options, heartbeatListener, engineExecutor, engineScheduler);
		}

		@Bean
		ServletRegistrationBean<EngineServlet> mainServlet(@Qualifier("main") EngineServer main) {
			return registration(main, "main");
		}

		@Bean
		ServletRegistrationBean<EngineServlet> heartbeatServlet(@Qualifier("heartbeat") EngineServer heartbeat) {
			return registration(heartbeat, "heartbeat");
		}

		@Bean
		FilterRegistrationBean<UnservedMethodFilter> unservedMethodFilter() {
			FilterRegistrationBean<UnservedMethodFilter> registration = new FilterRegistrationBean<>(
					new UnservedMethodFilter());
			registration.addUrlPatterns("/socket.io/*", "/heartbeat/*");
			registration.setOrder(UnservedMethodFilter.ORDER);
			return registration;
		}

		private static ServletRegistrationBean<EngineServlet> registration(EngineServer server, String name) {
			ServletRegistrationBean<EngineServlet> registration = new ServletRegistrationBean<>(
					new EngineServlet(server), EngineServlet.urlMapping(server.options()));
			registration.setName(name);
			registration.setAsyncSupported(true);
			registration.setLoadOnStartup(1);
			return registration;
		}

	}
