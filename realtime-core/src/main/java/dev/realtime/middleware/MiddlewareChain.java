package dev.realtime.middleware;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

/**
 * Runs the middleware of one line, in order, for one action. A middleware that decides before it returns is
 * followed at once; one that decides later, from any thread, is resumed on the action's executor; one that does
 * not decide in time is rejected with a {@link MiddlewareTimeoutException}. The first rejection or block ends the
 * chain.
 *
 * @param <M> the middleware type of the line
 * @param <C> the context type of the line
 */
public final class MiddlewareChain<M, C> {

	private static final Logger logger = LoggerFactory.getLogger(MiddlewareChain.class);

	private final MiddlewareLine line;

	private final List<M> middleware;

	private final Invoker<M, C> invoker;

	private final TaskScheduler scheduler;

	private final Duration timeout;

	private final Supplier<@Nullable DecisionObserver> observer;

	/**
	 * @param observer told how each run ended, when it supplies one (read on each run, so it may be set later)
	 */
	public MiddlewareChain(MiddlewareLine line, List<M> middleware, Invoker<M, C> invoker, TaskScheduler scheduler,
			Duration timeout, Supplier<@Nullable DecisionObserver> observer) {
		this.line = line;
		this.middleware = middleware;
		this.invoker = invoker;
		this.scheduler = scheduler;
		this.timeout = timeout;
		this.observer = observer;
	}

	public boolean isEmpty() {
		return this.middleware.isEmpty();
	}

	/**
	 * Runs the chain for one action.
	 * @param executor where a middleware that decided later is followed (the socket's serial executor)
	 */
	public CompletableFuture<Verdict> run(C context, Executor executor) {
		if (this.middleware.isEmpty()) {
			return CompletableFuture.completedFuture(Verdict.PROCEED);
		}
		Run run = new Run(context, executor);
		DecisionObserver observer = this.observer.get();
		if (observer != null) {
			run.result.thenAccept((verdict) -> observer.decided(this.line, verdict));
		}
		run.advance(0);
		return run.result;
	}

	/** Calls one middleware of the line. */
	@FunctionalInterface
	public interface Invoker<M, C> {

		void invoke(M middleware, C context, Next next) throws Exception;

	}

	private final class Run {

		private final C context;

		private final Executor executor;

		private final CompletableFuture<Verdict> result = new CompletableFuture<>();

		Run(C context, Executor executor) {
			this.context = context;
			this.executor = executor;
		}

		void advance(int start) {
			for (int index = start; index < MiddlewareChain.this.middleware.size(); index++) {
				Step step = new Step(this, index);
				try {
					MiddlewareChain.this.invoker.invoke(MiddlewareChain.this.middleware.get(index), this.context, step);
				}
				catch (Throwable failure) {
					step.decideQuietly(Verdict.reject(failure));
				}
				Verdict verdict = step.afterInvoke();
				if (verdict == null) {
					return;
				}
				if (!verdict.proceeds()) {
					this.result.complete(verdict);
					return;
				}
			}
			this.result.complete(Verdict.PROCEED);
		}

		void resume(int index, Verdict verdict) {
			this.executor.execute(() -> {
				if (verdict.proceeds()) {
					advance(index + 1);
				}
				else {
					this.result.complete(verdict);
				}
			});
		}

	}

	/** One middleware's decision: made while it runs, or later. */
	private final class Step implements Next {

		private static final int INVOKING = 0;

		private static final int WAITING = 1;

		private static final int DONE = 2;

		private final Run run;

		private final int index;

		private final AtomicReference<Verdict> verdict = new AtomicReference<>();

		private final AtomicInteger phase = new AtomicInteger(INVOKING);

		private volatile @Nullable ScheduledFuture<?> timer;

		Step(Run run, int index) {
			this.run = run;
			this.index = index;
		}

		@Override
		public void proceed() {
			decide(Verdict.PROCEED);
		}

		@Override
		public void reject(Throwable error) {
			decide(Verdict.reject(error));
		}

		@Override
		public void block() {
			decide(Verdict.BLOCK);
		}

		private void decide(Verdict decided) {
			if (!decideQuietly(decided)) {
				IllegalStateException misuse = new IllegalStateException(
						"Middleware " + MiddlewareChain.this.middleware.get(this.index) + " decided more than once");
				logger.warn(misuse.getMessage(), misuse);
				throw misuse;
			}
		}

		boolean decideQuietly(Verdict decided) {
			if (!this.verdict.compareAndSet(null, decided)) {
				return false;
			}
			// a decision after the middleware returned resumes the chain; one made while it runs is followed inline
			if (this.phase.compareAndSet(WAITING, DONE)) {
				ScheduledFuture<?> pending = this.timer;
				if (pending != null) {
					pending.cancel(false);
				}
				this.run.resume(this.index, decided);
			}
			return true;
		}

		/** The decision made while the middleware ran, or null when the chain now waits for it. */
		@Nullable Verdict afterInvoke() {
			if (this.verdict.get() != null) {
				return this.verdict.get();
			}
			this.timer = MiddlewareChain.this.scheduler.schedule(
					() -> decideQuietly(Verdict.reject(new MiddlewareTimeoutException())),
					Instant.now().plus(MiddlewareChain.this.timeout));
			this.phase.set(WAITING);
			if (this.verdict.get() != null && this.phase.compareAndSet(WAITING, DONE)) {
				this.timer.cancel(false);
				return this.verdict.get();
			}
			return null;
		}

	}

}
