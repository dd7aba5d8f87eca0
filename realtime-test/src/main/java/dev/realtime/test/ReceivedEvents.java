package dev.realtime.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The events a socket received, by name, from the moment it was created, each taken once by whoever waits for it:
 * an event that arrives before anyone waits (the one a connect handler emits) is kept for the next wait.
 */
final class ReceivedEvents {

	private final Map<String, Deque<List<Object>>> arrived = new HashMap<>();

	private final Map<String, Deque<CompletableFuture<List<Object>>>> waiting = new HashMap<>();

	synchronized void add(String event, List<Object> args) {
		Deque<CompletableFuture<List<Object>>> waiters = this.waiting.get(event);
		while (waiters != null && !waiters.isEmpty()) {
			// a wait that timed out is done already, and passes the event on
			if (waiters.poll().complete(args)) {
				return;
			}
		}
		this.arrived.computeIfAbsent(event, (name) -> new ArrayDeque<>()).add(args);
	}

	/** The arguments of the next occurrence of the event: one that arrived and was not taken yet, else the next. */
	synchronized CompletableFuture<List<Object>> next(String event) {
		Deque<List<Object>> kept = this.arrived.get(event);
		if (kept != null && !kept.isEmpty()) {
			return CompletableFuture.completedFuture(kept.poll());
		}
		CompletableFuture<List<Object>> next = new CompletableFuture<>();
		this.waiting.computeIfAbsent(event, (name) -> new ArrayDeque<>()).add(next);
		return next;
	}

	/** The arguments of each occurrence of the event that arrived and was not taken yet, which stay there. */
	synchronized List<List<Object>> arrived(String event) {
		Deque<List<Object>> kept = this.arrived.get(event);
		return (kept != null) ? List.copyOf(kept) : List.of();
	}

}
