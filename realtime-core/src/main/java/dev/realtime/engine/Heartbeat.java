package dev.realtime.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;

/**
 * Engine.IO v4 heartbeat of one session: the server pings every ping interval; once a ping is queued the client has
 * the ping timeout to answer with a pong, which schedules the next ping. Timer work runs on the executor, never on
 * the scheduler's own thread, because sending may block.
 */
final class Heartbeat {

	private final TaskScheduler scheduler;

	private final Executor executor;

	private final Duration interval;

	private final Duration timeout;

	private final Runnable ping;

	private final Runnable expire;

	private @Nullable ScheduledFuture<?> pingTask;

	private @Nullable ScheduledFuture<?> timeoutTask;

	// which ping is awaiting its pong; a late timeout of an answered ping sees a different number
	private long awaiting;

	private long sent;

	private boolean stopped;

	Heartbeat(TaskScheduler scheduler, Executor executor, EngineOptions options, Runnable ping, Runnable expire) {
		this.scheduler = scheduler;
		this.executor = executor;
		this.interval = options.pingInterval();
		this.timeout = options.pingTimeout();
		this.ping = ping;
		this.expire = expire;
	}

	synchronized void start() {
		schedulePing();
	}

	synchronized void onPong() {
		if (this.awaiting == 0) {
			return;
		}
		this.awaiting = 0;
		cancel(this.timeoutTask);
		schedulePing();
	}

	synchronized void stop() {
		this.stopped = true;
		cancel(this.pingTask);
		cancel(this.timeoutTask);
	}

	private void schedulePing() {
		if (!this.stopped) {
			this.pingTask = this.scheduler.schedule(() -> this.executor.execute(this::sendPing),
					Instant.now().plus(this.interval));
		}
	}

	private void sendPing() {
		synchronized (this) {
			if (this.stopped) {
				return;
			}
			long number = ++this.sent;
			this.awaiting = number;
			this.timeoutTask = this.scheduler.schedule(() -> this.executor.execute(() -> checkPong(number)),
					Instant.now().plus(this.timeout));
		}
		this.ping.run();
	}

	private void checkPong(long number) {
		synchronized (this) {
			if (this.stopped || this.awaiting != number) {
				return;
			}
		}
		this.expire.run();
	}

	private static void cancel(@Nullable ScheduledFuture<?> task) {
		if (task != null) {
			task.cancel(false);
		}
	}

}
