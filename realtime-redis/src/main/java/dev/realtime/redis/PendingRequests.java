package dev.realtime.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The requests of one adapter that wait for the other nodes' responses, by request id. */
final class PendingRequests {

	private final Map<String, PendingRequest> requests = new ConcurrentHashMap<>();

	/** Waits for {@code expected} responses to the request with this id, which the caller then sends. */
	CompletableFuture<List<Map<String, Object>>> await(String requestId, String description, int expected,
			Duration timeout) {
		PendingRequest pending = new PendingRequest(description, expected, timeout);
		this.requests.put(requestId, pending);
		pending.result().whenComplete((responses, ex) -> this.requests.remove(requestId));
		return pending.result();
	}

	/** Adds a response to the request it answers, if that one still waits. */
	void add(Object requestId, Map<String, Object> response) {
		PendingRequest pending = this.requests.get(requestId);
		if (pending != null) {
			pending.add(response);
		}
	}

	void cancelAll() {
		this.requests.values().forEach(PendingRequest::cancel);
		this.requests.clear();
	}

}
