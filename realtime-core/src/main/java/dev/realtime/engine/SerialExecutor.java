package dev.realtime.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared executor. At most one drain of this executor is
 * scheduled on the shared executor at any time, so different instances run in parallel while each stays ordered.
 */
public final class SerialExecutor implements Executor {

	private static final Logger logger = LoggerFactory.getLogger(SerialExecutor.class);

	// tasks run per drain before yielding the thread, so one busy session cannot starve the others
	private static final int BATCH = 64;

	private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final Executor executor;

	public SerialExecutor(Executor executor) {
		this.executor = executor;
	}

	@Override
	public void execute(Runnable task) {
		this.tasks.add(task);
		schedule();
	}

	private void schedule() {
		if (this.scheduled.compareAndSet(false, true)) {
			try {
				this.executor.execute(this::drain);
			}
			catch (RuntimeException ex) {
				this.scheduled.set(false);
				throw ex;
			}
		}
	}

	private void drain() {
		try {
			for (int i = 0; i < BATCH; i++) {
				Runnable task = this.tasks.poll();
				if (task == null) {
					break;
				}
				run(task);
			}
		}
		finally {
			this.scheduled.set(false);
		}
		if (!this.tasks.isEmpty()) {
			schedule();
		}
	}

	private static void run(Runnable task) {
		try {
			task.run();
		}
		catch (Throwable ex) {
			logger.error("Task failed", ex);
		}
	}

}
