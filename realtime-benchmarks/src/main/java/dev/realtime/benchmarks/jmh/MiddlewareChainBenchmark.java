package dev.realtime.benchmarks.jmh;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.EventMiddleware;
import dev.realtime.middleware.MiddlewareChain;
import dev.realtime.middleware.MiddlewareLine;
import dev.realtime.middleware.Verdict;

/**
 * The EVENT line with 0, 1 and 5 middlewares that each let the event through before they return: the cost the
 * pipeline adds to every event. The context has no socket, which these middlewares never read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MiddlewareChainBenchmark {

	@Param({ "0", "1", "5" })
	public int middlewares;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private final List<Object> args = List.of("Hello");

	private MiddlewareChain<EventMiddleware, EventContext> chain;

	@Setup
	public void setUp() {
		this.scheduler.initialize();
		EventMiddleware proceed = (context, next) -> next.proceed();
		this.chain = new MiddlewareChain<>(MiddlewareLine.EVENT, Collections.nCopies(this.middlewares, proceed),
				EventMiddleware::onEvent, this.scheduler, Duration.ofSeconds(10), () -> null);
	}

	@TearDown
	public void tearDown() {
		this.scheduler.shutdown();
	}

	@Benchmark
	public CompletableFuture<Verdict> event() {
		return this.chain.run(new EventContext(null, "message", this.args, false), Runnable::run);
	}

}
