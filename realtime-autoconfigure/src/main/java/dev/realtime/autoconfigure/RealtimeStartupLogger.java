package dev.realtime.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;

import dev.realtime.engine.EngineOptions;
import dev.realtime.server.DynamicNamespace;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;

/**
 * Logs where the endpoint is served, once the application context (and so its web server) has started, as Spring
 * Boot logs the web server's port: {@code Realtime endpoint at /socket.io/ (polling, websocket), namespaces /, /chat}.
 */
class RealtimeStartupLogger implements ApplicationListener<ContextRefreshedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(RealtimeStartupLogger.class);

	private final ApplicationContext context;

	private final EngineOptions options;

	private final RealtimeServer server;

	RealtimeStartupLogger(ApplicationContext context, EngineOptions options, RealtimeServer server) {
		this.context = context;
		this.options = options;
		this.server = server;
	}

	@Override
	public void onApplicationEvent(ContextRefreshedEvent event) {
		// a child context (the actuator's own port) refreshes later and would log it again
		if (event.getApplicationContext() == this.context && logger.isInfoEnabled()) {
			logger.info(describe());
		}
	}

	String describe() {
		List<String> namespaces = new ArrayList<>();
		this.server.namespaces().stream().map(Namespace::name).sorted().forEach(namespaces::add);
		this.server.dynamicNamespaces().stream().map(DynamicNamespace::name).forEach(namespaces::add);
		return "Realtime endpoint at " + this.options.path() + " (" + String.join(", ", this.options.transports())
				+ "), namespaces " + String.join(", ", namespaces);
	}

}
