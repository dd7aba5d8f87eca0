package dev.realtime.server;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The actions of one socket, handled one at a time in arrival order, even while one of them waits for an
 * asynchronous middleware. Used from the connection's serial executor only; an action that completes later resumes
 * the queue there.
 */
final class InboundQueue {

	private final Executor executor;

	private final Queue<Supplier<CompletionStage<?>>> pending = new ArrayDeque<>();

	private boolean running;

	InboundQueue(Executor executor) {
		this.executor = executor;
	}

	void submit(Supplier<CompletionStage<?>> action) {
		this.pending.add(action);
		if (!this.running) {
			drain();
		}
	}

	private void drain() {
		this.running = true;
		Supplier<CompletionStage<?>> action;
		while ((action = this.pending.poll()) != null) {
			CompletionStage<?> stage = action.get();
			if (!stage.toCompletableFuture().isDone()) {
				stage.whenComplete((result, failure) -> this.executor.execute(this::drain));
				return;
			}
		}
		this.running = false;
	}

}
