package dev.realtime.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.StringUtils;

import dev.realtime.admin.AdminUiAuthentication;
import dev.realtime.admin.AdminUiOptions;
import dev.realtime.admin.AdminUiServer;
import dev.realtime.autoconfigure.RealtimeAdminUiProperties.Auth;
import dev.realtime.autoconfigure.RealtimeAdminUiProperties.Mode;
import dev.realtime.server.RealtimeServer;

/**
 * Starts the {@link AdminUiServer} once every handler and middleware is registered and before the web server takes
 * connections, and refuses to start when the application already serves the admin UI's namespace, or when the UI
 * would have no way to log in.
 */
final class AdminUiLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(AdminUiLifecycle.class);

	private final RealtimeServer server;

	private final RealtimeAdminUiProperties properties;

	private final @Nullable AdminUiAuthentication authentication;

	private final TaskScheduler scheduler;

	private @Nullable AdminUiServer adminUi;

	AdminUiLifecycle(RealtimeServer server, RealtimeAdminUiProperties properties,
			@Nullable AdminUiAuthentication authentication, TaskScheduler scheduler) {
		this.server = server;
		this.properties = properties;
		this.authentication = authentication;
		this.scheduler = scheduler;
	}

	static InvalidConfigurationPropertyValueException noLogin(String reason) {
		return new InvalidConfigurationPropertyValueException("realtime.admin-ui.auth", "spring-security",
				"The admin UI logs in through Spring Security, but " + reason + ". Add one (and spring-security-core), "
						+ "or set realtime.admin-ui.auth=none for local development.");
	}

	@Override
	public synchronized void start() {
		String namespace = this.properties.getNamespace();
		if (AdminUiServer.isServed(this.server, namespace)) {
			throw new InvalidConfigurationPropertyValueException("realtime.admin-ui.namespace", namespace,
					"The application serves the namespace " + namespace + " itself. Set realtime.admin-ui.namespace "
							+ "to another one, and the same namespace in the admin UI's connection form.");
		}
		if (this.properties.getAuth() == Auth.SPRING_SECURITY && this.authentication == null) {
			throw noLogin("spring-security-core is not on the classpath");
		}
		if (this.properties.getAuth() == Auth.NONE) {
			logger.warn("The admin UI at namespace {} lets anyone in (realtime.admin-ui.auth=none): for local "
					+ "development only", namespace);
		}
		String serverId = StringUtils.hasText(this.properties.getServerId()) ? this.properties.getServerId()
				: AdminUiServer.hostname();
		AdminUiServer adminUi = new AdminUiServer(this.server, new AdminUiOptions(namespace,
				this.properties.isReadOnly(), this.properties.getMode() == Mode.DEVELOPMENT, serverId),
				this.authentication, this.scheduler);
		adminUi.start();
		this.adminUi = adminUi;
	}

	@Override
	public synchronized void stop() {
		if (this.adminUi != null) {
			this.adminUi.stop();
			this.adminUi = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.adminUi != null;
	}

	/** Before the web server takes connections: it starts in phase {@code DEFAULT_PHASE - 2048}. */
	@Override
	public int getPhase() {
		return DEFAULT_PHASE - 4096;
	}

}
