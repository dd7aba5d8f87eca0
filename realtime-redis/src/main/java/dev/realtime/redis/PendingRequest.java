package dev.realtime.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A request to the other nodes that waits for a known number of responses, and fails with a
 * {@link ClusterRequestTimeoutException} when they do not all arrive in time.
 */
final class PendingRequest {

	private final String description;

	private final int expected;

	private final List<Map<String, Object>> responses = new ArrayList<>();

	private final CompletableFuture<List<Map<String, Object>>> result = new CompletableFuture<>();

	PendingRequest(String description, int expected, Duration timeout) {
		this.description = description;
		this.expected = expected;
		CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> expire(timeout));
	}

	synchronized void add(Map<String, Object> response) {
		this.responses.add(response);
		if (this.responses.size() >= this.expected) {
			this.result.complete(List.copyOf(this.responses));
		}
	}

	private synchronized void expire(Duration timeout) {
		this.result.completeExceptionally(new ClusterRequestTimeoutException("Timeout reached while waiting for "
				+ this.description + ": " + this.responses.size() + " of " + this.expected
				+ " other node(s) answered within " + timeout.toMillis() + "ms"));
	}

	void cancel() {
		this.result.completeExceptionally(new IllegalStateException("The Redis adapter was closed before the "
				+ this.description + " were complete"));
	}

	CompletableFuture<List<Map<String, Object>>> result() {
		return this.result;
	}

}
