package dev.realtime.autoconfigure;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

import dev.realtime.engine.EngineServer;
import dev.realtime.server.RealtimeServer;

/**
 * Ends the realtime sessions when the application stops, just before the web server's graceful shutdown: clients
 * are told {@code server shutting down} (so they reconnect, to another instance, where connection state recovery
 * can restore them), held polling requests are answered instead of keeping the graceful shutdown waiting until its
 * timeout, and the adapters are closed while what they use (a Redis connection) is still open.
 */
class RealtimeShutdown implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RealtimeShutdown.class);

	/** How long the disconnections may take before the adapters are closed anyway. */
	private static final Duration DISCONNECTIONS_TIMEOUT = Duration.ofSeconds(10);

	private final EngineServer engineServer;

	private final RealtimeServer server;

	private volatile boolean running;

	RealtimeShutdown(EngineServer engineServer, RealtimeServer server) {
		this.engineServer = engineServer;
		this.server = server;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.engineServer.close();
		awaitDisconnections();
		this.server.close();
	}

	// the clients' disconnections run on the realtime executor, and may store sessions through the adapters
	private void awaitDisconnections() {
		long deadline = System.nanoTime() + DISCONNECTIONS_TIMEOUT.toNanos();
		try {
			while (this.server.connectionCount() > 0) {
				if (System.nanoTime() > deadline) {
					logger.warn("{} connection(s) still closing after {} s; closing the adapters anyway",
							this.server.connectionCount(), DISCONNECTIONS_TIMEOUT.toSeconds());
					return;
				}
				Thread.sleep(10);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Stops before the web server's graceful shutdown, which would otherwise wait for held polling requests. */
	@Override
	public int getPhase() {
		return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;
	}

}
