package dev.realtime.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue of one connection and its single writer, against a sink whose readiness the test controls.
 */
class OutboundQueueTests {

	private final TestSink sink = new TestSink();

	private final OutboundQueue<String> queue = new OutboundQueue<>(10, String::length, this.sink);

	@Test
	void producerWritesAtOnceWhenTheSinkIsReady() {
		assertThat(this.queue.offer(List.of("ab"))).isTrue();
		assertThat(this.sink.writes).containsExactly(List.of("ab"));
		assertThat(this.queue.isBusy()).isFalse();
	}

	@Test
	void framesQueuedWhileTheSinkWaitsLeaveInOneWriteInOrder() {
		this.sink.ready = false;
		this.queue.offer(List.of("a"));
		this.queue.offer(List.of("b", "c"));
		this.queue.offer(List.of("d"));
		assertThat(this.sink.writes).isEmpty();
		assertThat(this.queue.queuedBytes()).isEqualTo(4);
		this.sink.ready = true;
		this.queue.resume();
		assertThat(this.sink.writes).containsExactly(List.of("a", "b", "c", "d"));
		assertThat(this.queue.queuedBytes()).isZero();
	}

	@Test
	void offerPastTheBoundIsRefusedAndAbortsTheQueue() {
		this.sink.ready = false;
		assertThat(this.queue.offer(List.of("12345"))).isTrue();
		assertThat(this.queue.offer(List.of("123456"))).isFalse();
		assertThat(this.queue.queuedBytes()).isZero();
		this.sink.ready = true;
		this.queue.resume();
		assertThat(this.queue.offer(List.of("a"))).isFalse();
		assertThat(this.sink.writes).isEmpty();
		assertThat(this.sink.closed).isFalse();
	}

	@Test
	void closeWaitsForQueuedFramesAndTheSinkToTakeThem() {
		this.sink.ready = false;
		this.queue.offer(List.of("a", "bye"));
		this.queue.closeAfterQueued();
		assertThat(this.queue.offer(List.of("late"))).isFalse();
		assertThat(this.sink.closed).isFalse();
		this.sink.ready = true;
		this.sink.readyAfterWrite = false;
		this.queue.resume();
		assertThat(this.sink.writes).containsExactly(List.of("a", "bye"));
		assertThat(this.sink.closed).as("closed before the sink took the last write").isFalse();
		this.sink.ready = true;
		this.queue.resume();
		assertThat(this.sink.closed).isTrue();
	}

	@Test
	void closeOfAnIdleQueueClosesTheSinkAtOnce() {
		this.queue.closeAfterQueued();
		assertThat(this.sink.closed).isTrue();
	}

	@Test
	void abortWhileQueuedDropsTheFramesAndWritesNothingMore() {
		this.sink.ready = false;
		this.queue.offer(List.of("a"));
		this.queue.abort();
		this.sink.ready = true;
		this.queue.resume();
		assertThat(this.sink.writes).isEmpty();
		assertThat(this.sink.closed).isFalse();
	}

	@Test
	void handOverReturnsWhatIsQueuedAndEndsTheQueue() {
		this.sink.ready = false;
		this.queue.offer(List.of("a", "b"));
		assertThat(this.queue.handOver()).containsExactly("a", "b");
		this.sink.ready = true;
		this.queue.resume();
		assertThat(this.queue.offer(List.of("c"))).isFalse();
		assertThat(this.sink.writes).isEmpty();
	}

	@Test
	void failedWriteAbortsAndTellsTheSink() {
		this.sink.failNextWrite = true;
		this.queue.offer(List.of("a"));
		assertThat(this.sink.failure).isNotNull();
		assertThat(this.queue.offer(List.of("b"))).isFalse();
	}

	@Test
	void resumeDuringTheWritersReadinessCheckIsNotLost() {
		// the sink answers "not ready" and, in the same breath, the container says it is ready again
		this.sink.ready = false;
		this.sink.onNotReady = () -> {
			this.sink.ready = true;
			this.queue.resume();
		};
		this.queue.offer(List.of("a"));
		assertThat(this.sink.writes).containsExactly(List.of("a"));
	}

	@Test
	void concurrentProducersKeepEachOffersOrderAndLoseNothing() throws Exception {
		ConcurrentSink concurrent = new ConcurrentSink();
		OutboundQueue<int[]> queue = new OutboundQueue<>(Long.MAX_VALUE, (frame) -> 1, concurrent);
		int producers = 4;
		int perProducer = 20_000;
		ExecutorService executor = Executors.newFixedThreadPool(producers + 1);
		CountDownLatch start = new CountDownLatch(1);
		for (int p = 0; p < producers; p++) {
			int producer = p;
			executor.execute(() -> {
				await(start);
				for (int i = 0; i < perProducer; i++) {
					queue.offer(List.of(new int[] { producer, i }));
				}
			});
		}
		// the container's "write possible" arrives from its own thread now and then
		executor.execute(() -> {
			await(start);
			for (int i = 0; i < 1_000; i++) {
				concurrent.toggle();
				queue.resume();
			}
			concurrent.ready = true;
			queue.resume();
		});
		start.countDown();
		executor.shutdown();
		assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		concurrent.ready = true;
		queue.resume();
		assertThat(concurrent.maxWriters).isEqualTo(1);
		int[] next = new int[producers];
		for (int[] frame : concurrent.written) {
			assertThat(frame[1]).isEqualTo(next[frame[0]]);
			next[frame[0]]++;
		}
		assertThat(next).containsOnly(perProducer);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class TestSink implements OutboundQueue.Sink<String> {

		final List<List<String>> writes = new ArrayList<>();

		boolean ready = true;

		boolean readyAfterWrite = true;

		boolean failNextWrite;

		boolean closed;

		IOException failure;

		Runnable onNotReady;

		@Override
		public boolean isReady() {
			if (!this.ready && this.onNotReady != null) {
				Runnable once = this.onNotReady;
				this.onNotReady = null;
				once.run();
				return false;
			}
			return this.ready;
		}

		@Override
		public void write(List<String> frames) throws IOException {
			if (this.failNextWrite) {
				throw new IOException("broken pipe");
			}
			this.writes.add(List.copyOf(frames));
			this.ready = this.readyAfterWrite;
		}

		@Override
		public void close() {
			this.closed = true;
		}

		@Override
		public void failed(IOException ex) {
			this.failure = ex;
		}

	}

	/** Counts writers at work at once, and flips between ready and not. */
	private static final class ConcurrentSink implements OutboundQueue.Sink<int[]> {

		final List<int[]> written = new ArrayList<>();

		volatile boolean ready = true;

		private int writers;

		int maxWriters;

		void toggle() {
			this.ready = !this.ready;
		}

		@Override
		public boolean isReady() {
			return this.ready;
		}

		@Override
		public void write(List<int[]> frames) {
			synchronized (this) {
				this.writers++;
				this.maxWriters = Math.max(this.maxWriters, this.writers);
			}
			this.written.addAll(frames);
			synchronized (this) {
				this.writers--;
			}
		}

		@Override
		public void close() {
		}

		@Override
		public void failed(IOException ex) {
		}

	}

}
