package dev.realtime.engine;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Engine.IO session: its state, its transport and an upgrade to WebSocket in progress. State changes happen
 * under the session's monitor; listener callbacks go through the session's {@link SerialExecutor}.
 */
final class DefaultEngineSession implements EngineSession {

	private static final Logger logger = LoggerFactory.getLogger(DefaultEngineSession.class);

	private enum State {

		OPEN, CLOSING, CLOSED

	}

	private final String id;

	private final EngineRequest request;

	private final EngineServer server;

	private final EngineListener listener;

	private final SerialExecutor executor;

	private final Heartbeat heartbeat;

	private volatile EngineTransport transport;

	private volatile State state = State.OPEN;

	private @Nullable WebSocketTransport probe;

	private @Nullable ScheduledFuture<?> upgradeTimer;

	private boolean upgraded;

	DefaultEngineSession(String id, EngineRequest request, EngineTransport transport, EngineServer server) {
		this.id = id;
		this.request = request;
		this.server = server;
		this.listener = server.listener();
		this.executor = new SerialExecutor(server.executor());
		this.heartbeat = new Heartbeat(server.scheduler(), server.executor(), server.options(), this::ping,
				() -> terminate("ping timeout", null, true));
		this.transport = transport;
		transport.attach(this);
	}

	/**
	 * Sends the open packet and starts the heartbeat; called once the server knows the session, so that a client
	 * that acts on the handshake at once always finds it.
	 */
	synchronized void start() {
		this.transport.send(List.of(ControlFrame.open(this.server.handshake(this.id, this.transport.name()))));
		this.heartbeat.start();
	}

	/** Tells the listener, once the open packet is on its way, so that it is the first packet the client gets. */
	void opened() {
		this.executor.execute(() -> this.listener.onOpen(this));
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public EngineRequest request() {
		return this.request;
	}

	@Override
	public String transport() {
		return this.transport.name();
	}

	@Override
	public boolean isOpen() {
		return this.state == State.OPEN;
	}

	@Override
	public Executor executor() {
		return this.executor;
	}

	@Override
	public synchronized boolean isWritable() {
		return this.state == State.OPEN && this.probe == null && this.transport.isIdle();
	}

	@Override
	public long queuedBytes() {
		return this.transport.queuedBytes();
	}

	@Override
	public synchronized void send(List<EngineMessage> messages) {
		if (this.state == State.OPEN) {
			this.transport.send(messages);
		}
	}

	private synchronized void ping() {
		if (this.state == State.OPEN) {
			this.transport.send(List.of(ControlFrame.PING));
		}
	}

	@Override
	public synchronized void close() {
		if (this.state != State.OPEN) {
			return;
		}
		if (this.transport.isWritable() || this.probe != null) {
			terminate("forced close", null, true);
			return;
		}
		// a polling client gets the close packet with its next GET; a client that never comes back is dropped
		this.state = State.CLOSING;
		((PollingTransport) this.transport).closeOnNextPoll();
		try {
			this.server.scheduler().schedule(() -> terminate("forced close", null, false),
					Instant.now().plus(this.server.options().pingInterval()).plus(this.server.options().pingTimeout()));
		}
		catch (RejectedExecutionException ex) {
			// the application is shutting down: the client does not get to poll again
			terminate("forced close", null, false);
		}
	}

	void handlePolling(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.transport instanceof PollingTransport polling) {
			polling.handle(request, response);
		}
		else {
			EngineError.BAD_REQUEST.write(response);
		}
	}

	/** A packet arrived on one of this session's transports; called on the container thread. */
	void onPacket(EngineTransport from, EnginePacket packet) {
		if (from != this.transport) {
			// a WebSocket probe, or a polling request that came too late for the transport it was sent on
			if (from instanceof WebSocketTransport probe) {
				onProbePacket(probe, packet);
			}
			return;
		}
		if (this.state != State.OPEN) {
			return;
		}
		switch (packet.type()) {
			case EngineCodec.MESSAGE -> dispatch(packet);
			case EngineCodec.PONG -> this.heartbeat.onPong();
			case EngineCodec.CLOSE -> terminate("transport close", null, false);
			case EngineCodec.PING -> terminate("transport error",
					new IllegalStateException("Invalid heartbeat direction"), true);
			default -> {
			}
		}
	}

	private void dispatch(EnginePacket packet) {
		if (packet.isBinary()) {
			byte[] data = packet.data();
			this.executor.execute(() -> this.listener.onMessage(this, data));
		}
		else {
			String text = packet.text();
			this.executor.execute(() -> this.listener.onMessage(this, text));
		}
	}

	/** A transport could not decode what the client sent. */
	void onParseError(EngineTransport from, Throwable cause) {
		if (from == this.transport) {
			terminate("parse error", cause, true);
		}
		else {
			cancelUpgrade((WebSocketTransport) from);
		}
	}

	/** A transport's connection ended or failed. */
	void onTransportClosed(EngineTransport from, String reason, @Nullable Throwable cause) {
		if (from == this.transport) {
			terminate(reason, cause, false);
		}
		else {
			cancelUpgrade((WebSocketTransport) from);
		}
	}

	void shutdown() {
		end("server shutting down", null, EngineTransport::shutdown);
	}

	/** Closes the session for good: stops timers, releases transports, tells the listener once. */
	void terminate(String reason, @Nullable Throwable cause, boolean closePacket) {
		end(reason, cause, (transport) -> transport.close(closePacket));
	}

	private void end(String reason, @Nullable Throwable cause, Consumer<EngineTransport> release) {
		synchronized (this) {
			if (this.state == State.CLOSED) {
				return;
			}
			this.state = State.CLOSED;
			logger.debug("Closing session {}: {}", this.id, reason, cause);
			this.heartbeat.stop();
			if (this.probe != null) {
				cancelUpgrade(this.probe);
			}
			release.accept(this.transport);
		}
		this.server.remove(this);
		this.executor.execute(() -> this.listener.onClose(this, reason, cause));
	}

	// upgrade from polling to WebSocket: probe ping, noop to end the polling cycle, upgrade packet

	synchronized boolean beginUpgrade(WebSocketTransport candidate) {
		if (this.state != State.OPEN || this.upgraded || this.probe != null
				|| !(this.transport instanceof PollingTransport)) {
			return false;
		}
		candidate.attach(this);
		this.probe = candidate;
		this.upgradeTimer = this.server.scheduler().schedule(() -> cancelUpgrade(candidate),
				Instant.now().plus(this.server.options().upgradeTimeout()));
		return true;
	}

	private synchronized void onProbePacket(WebSocketTransport from, EnginePacket packet) {
		if (from != this.probe) {
			return;
		}
		if (packet.type() == EngineCodec.PING && "probe".equals(packet.text())) {
			from.send(List.of(ControlFrame.PONG_PROBE));
			((PollingTransport) this.transport).onUpgrading();
		}
		else if (packet.type() == EngineCodec.UPGRADE && this.state != State.CLOSED) {
			completeUpgrade(from);
		}
		else {
			cancelUpgrade(from);
		}
	}

	private void completeUpgrade(WebSocketTransport next) {
		clearUpgrade();
		PollingTransport previous = (PollingTransport) this.transport;
		List<EngineFrame> pending = previous.discard();
		this.transport = next;
		this.upgraded = true;
		next.send(pending);
		this.executor.execute(() -> this.listener.onUpgrade(this));
		if (this.state == State.CLOSING) {
			terminate("forced close", null, true);
		}
	}

	private synchronized void cancelUpgrade(WebSocketTransport candidate) {
		if (this.probe == candidate) {
			clearUpgrade();
			candidate.close(false);
			if (this.transport instanceof PollingTransport polling) {
				polling.onUpgradeCancelled();
			}
		}
	}

	private void clearUpgrade() {
		this.probe = null;
		if (this.upgradeTimer != null) {
			this.upgradeTimer.cancel(false);
			this.upgradeTimer = null;
		}
	}

	@Override
	public String toString() {
		return "EngineSession[" + this.id + ", " + transport() + "]";
	}

}
