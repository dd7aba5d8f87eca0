package dev.realtime.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;

import dev.realtime.io.OutboundQueue;

import static dev.realtime.engine.PollingResponses.complete;
import static dev.realtime.engine.PollingResponses.write;

/**
 * HTTP long-polling: a GET takes what is queued, or waits (asynchronously) until something is; a POST carries the
 * client's packets. Output waits on an {@link OutboundQueue} whose sink is the GET: one arriving with packets queued
 * takes them at once, one held takes the next ones. The queue is bounded: a client that does not poll fast enough is
 * disconnected. State is guarded by the session's monitor.
 */
final class PollingTransport extends EngineTransport {

	// how long a GET of an upgrading session waits before its noop
	private static final Duration UPGRADE_POLL_DELAY = Duration.ofMillis(100);

	private final long maxPayload;

	private final long maxBufferedBytes;

	private final TaskScheduler scheduler;

	private final OutboundQueue<EngineFrame> queue;

	private @Nullable AsyncContext pendingPoll;

	// a GET being handled now, which takes what is queued in its own response
	private @Nullable HttpServletResponse arrivingPoll;

	private boolean upgrading;

	private boolean closeOnNextPoll;

	private boolean closed;

	PollingTransport(EngineOptions options, TaskScheduler scheduler) {
		this.maxPayload = options.maxPayload();
		this.maxBufferedBytes = options.maxBufferedBytes();
		this.scheduler = scheduler;
		this.queue = new OutboundQueue<>(this.maxBufferedBytes, EngineFrame::size, new Polls());
	}

	@Override
	String name() {
		return EngineOptions.POLLING;
	}

	@Override
	boolean isWritable() {
		return this.pendingPoll != null;
	}

	@Override
	boolean isIdle() {
		return this.pendingPoll != null && !this.queue.isBusy() && !this.upgrading;
	}

	@Override
	void send(List<? extends EngineFrame> frames) {
		if (!this.queue.offer(frames)) {
			closeTooSlow(this.maxBufferedBytes);
		}
	}

	@Override
	long queuedBytes() {
		return this.queue.queuedBytes();
	}

	@Override
	void close(boolean closePacket) {
		this.closed = true;
		List<EngineFrame> frames = new ArrayList<>(this.queue.handOver());
		if (this.pendingPoll != null) {
			if (closePacket || frames.isEmpty()) {
				frames.add(closePacket ? ControlFrame.CLOSE : ControlFrame.NOOP);
			}
			complete(takePendingPoll(), frames);
		}
	}

	void closeOnNextPoll() {
		this.closeOnNextPoll = true;
	}

	/** A WebSocket probe succeeded: the waiting GET ends so that the client can finish the upgrade. */
	void onUpgrading() {
		this.upgrading = true;
		if (this.pendingPoll != null) {
			endUpgradePollLater(this.pendingPoll);
		}
	}

	void onUpgradeCancelled() {
		this.upgrading = false;
	}

	/**
	 * The session moved to WebSocket: hands over what was queued. A GET still waiting is refused like any polling
	 * request after the upgrade; a client that follows the protocol has none.
	 */
	List<EngineFrame> discard() {
		this.closed = true;
		if (this.pendingPoll != null) {
			PollingResponses.refuse(takePendingPoll(), EngineError.BAD_REQUEST);
		}
		return this.queue.handOver();
	}

	void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
		switch (request.getMethod()) {
			case "GET" -> poll(request, response);
			case "POST" -> receive(request, response);
			default -> EngineError.BAD_REQUEST.write(response);
		}
	}

	private void poll(HttpServletRequest request, HttpServletResponse response) throws IOException {
		DefaultEngineSession session = session();
		synchronized (session) {
			if (this.closed) {
				EngineError.BAD_REQUEST.write(response);
			}
			else if (this.pendingPoll != null) {
				EngineError.BAD_REQUEST.write(response);
				session.terminate("transport error", new IllegalStateException("Overlapping GET from client"), true);
			}
			else if (this.closeOnNextPoll) {
				List<EngineFrame> frames = new ArrayList<>(this.queue.handOver());
				frames.add(ControlFrame.CLOSE);
				write(response, frames);
				session.terminate("forced close", null, false);
			}
			else if (!takeQueued(response)) {
				AsyncContext poll = request.startAsync();
				poll.setTimeout(0);
				poll.addListener(new PollListener(session));
				this.pendingPoll = poll;
				if (this.upgrading) {
					endUpgradePollLater(poll);
				}
			}
		}
	}

	/**
	 * Ends a GET of an upgrading session with a noop, after a short delay like the reference server's upgrade check:
	 * an upgrade packet already on its way completes the upgrade first, and the GET is then refused.
	 */
	private void endUpgradePollLater(AsyncContext poll) {
		this.scheduler.schedule(() -> {
			synchronized (session()) {
				if (this.pendingPoll == poll) {
					complete(takePendingPoll(), List.of(ControlFrame.NOOP));
				}
			}
		}, Instant.now().plus(UPGRADE_POLL_DELAY));
	}

	private void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
		DefaultEngineSession session = session();
		byte[] body = (request.getContentLengthLong() > this.maxPayload) ? null
				: PollingResponses.read(request.getInputStream(), this.maxPayload);
		if (body == null) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			session.terminate("transport error", new IllegalStateException("Payload too large"), true);
			return;
		}
		List<EnginePacket> packets;
		try {
			packets = EngineCodec.decodePayload(new String(body, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			EngineError.BAD_REQUEST.write(response);
			session.onParseError(this, ex);
			return;
		}
		if (this.closed) {
			EngineError.BAD_REQUEST.write(response);
			return;
		}
		// answered once the packets are handed over, as the reference server does: the client sends its upgrade packet
		// only after this answer, so the session cannot move to WebSocket while these are still on their way
		for (EnginePacket packet : packets) {
			session.onPacket(this, packet);
		}
		PollingResponses.writeOk(response);
	}

	/** Answers an arriving GET with what is queued, if anything is. */
	private boolean takeQueued(HttpServletResponse response) {
		this.arrivingPoll = response;
		this.queue.resume();
		boolean answered = this.arrivingPoll == null;
		this.arrivingPoll = null;
		return answered;
	}


	private AsyncContext takePendingPoll() {
		AsyncContext poll = this.pendingPoll;
		this.pendingPoll = null;
		return poll;
	}

	/** The queue's sink: the GET arriving now, else the GET held. */
	private final class Polls implements OutboundQueue.Sink<EngineFrame> {

		@Override
		public boolean isReady() {
			return PollingTransport.this.arrivingPoll != null || PollingTransport.this.pendingPoll != null;
		}

		@Override
		public void write(List<EngineFrame> frames) throws IOException {
			HttpServletResponse arriving = PollingTransport.this.arrivingPoll;
			if (arriving != null) {
				PollingTransport.this.arrivingPoll = null;
				PollingResponses.write(arriving, frames);
			}
			else {
				complete(takePendingPoll(), frames);
			}
		}

		@Override
		public void close() {
			// a polling session ends through its transport's close, which hands over what is queued
		}

		@Override
		public void failed(IOException ex) {
			session().onTransportClosed(PollingTransport.this, "transport error", ex);
		}

	}

	/** Notices a held GET that the container ended: the client went away. */
	private final class PollListener implements AsyncListener {

		private final DefaultEngineSession session;

		PollListener(DefaultEngineSession session) {
			this.session = session;
		}

		@Override
		public void onError(AsyncEvent event) {
			synchronized (this.session) {
				if (PollingTransport.this.pendingPoll != event.getAsyncContext()) {
					return;
				}
				PollingTransport.this.pendingPoll = null;
			}
			this.session.onTransportClosed(PollingTransport.this, "transport error", event.getThrowable());
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			onError(event);
		}

		@Override
		public void onComplete(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
