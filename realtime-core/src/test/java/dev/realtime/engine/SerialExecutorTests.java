package dev.realtime.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SerialExecutorTests {

	private final ExecutorService pool = Executors.newFixedThreadPool(4);

	@AfterEach
	void shutdown() {
		this.pool.shutdownNow();
	}

	@Test
	void runsTasksInOrderOneAtATime() throws InterruptedException {
		SerialExecutor serial = new SerialExecutor(this.pool);
		List<Integer> seen = new ArrayList<>();
		AtomicInteger running = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(1000);
		for (int i = 0; i < 1000; i++) {
			int number = i;
			serial.execute(() -> {
				if (running.incrementAndGet() > 1) {
					overlaps.incrementAndGet();
				}
				seen.add(number);
				running.decrementAndGet();
				done.countDown();
			});
		}
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(overlaps).hasValue(0);
		assertThat(seen).hasSize(1000).isSorted();
	}

	@Test
	void keepsGoingAfterFailingTask() throws InterruptedException {
		SerialExecutor serial = new SerialExecutor(this.pool);
		CountDownLatch done = new CountDownLatch(1);
		serial.execute(() -> {
			throw new IllegalStateException("boom");
		});
		serial.execute(done::countDown);
		assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
	}

}
