package dev.realtime.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers the acknowledgements of a broadcast: complete once every node has said how many sockets it reached and
 * that many answers have arrived.
 */
final class AckCollector {

	private final CompletableFuture<List<Object>> result = new CompletableFuture<>();

	private final List<Object> responses = new ArrayList<>();

	private int expectedNodes = -1;

	private int reportedNodes;

	private int expectedClients;

	synchronized void expectNodes(int nodes) {
		this.expectedNodes = nodes;
		completeIfDone();
	}

	synchronized void addClients(int clients) {
		this.reportedNodes++;
		this.expectedClients += clients;
		completeIfDone();
	}

	synchronized void add(List<Object> args) {
		this.responses.add(args.isEmpty() ? null : args.get(0));
		completeIfDone();
	}

	private void completeIfDone() {
		if (this.expectedNodes >= 0 && this.reportedNodes >= this.expectedNodes
				&& this.responses.size() >= this.expectedClients) {
			this.result.complete(new ArrayList<>(this.responses));
		}
	}

	CompletableFuture<List<Object>> result() {
		return this.result;
	}

}
