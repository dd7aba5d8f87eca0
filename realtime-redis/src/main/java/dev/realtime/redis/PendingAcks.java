package dev.realtime.redis;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Where the other nodes' answers to a broadcast with acknowledgements go, by request id: how many clients it
 * reached there, and each client's acknowledgement. They are routed until the emitter stops waiting for them.
 */
final class PendingAcks {

	private final Map<String, Callbacks> requests = new ConcurrentHashMap<>();

	/** A new request id, whose answers go to these callbacks for {@code timeout}. */
	String register(IntConsumer clientCount, Consumer<List<Object>> ack, Duration timeout) {
		String requestId = RandomIds.next();
		this.requests.put(requestId, new Callbacks(clientCount, ack));
		CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
			.execute(() -> this.requests.remove(requestId));
		return requestId;
	}

	boolean isAwaited(@Nullable Object requestId) {
		return requestId != null && this.requests.containsKey(requestId);
	}

	void clientCount(Object requestId, @Nullable Object count) {
		Callbacks callbacks = this.requests.get(requestId);
		if (callbacks != null && count instanceof Number number) {
			callbacks.clientCount().accept(number.intValue());
		}
	}

	/** One client's acknowledgement; only its first argument crosses the cluster, as Node sends it. */
	void ack(Object requestId, @Nullable Object argument) {
		Callbacks callbacks = this.requests.get(requestId);
		if (callbacks != null) {
			callbacks.ack().accept(Collections.singletonList(argument));
		}
	}

	void clear() {
		this.requests.clear();
	}

	private record Callbacks(IntConsumer clientCount, Consumer<List<Object>> ack) {
	}

}
