package dev.realtime.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.adapter.SocketDetails;
import dev.realtime.protocol.Packet;

/**
 * Says which sockets of a namespace an action reaches: rooms to target, rooms to leave out, this node only.
 * Immutable: each call returns a new operator.
 */
public final class BroadcastOperator {

	private final Namespace namespace;

	private final BroadcastOptions options;

	BroadcastOperator(Namespace namespace, BroadcastOptions options) {
		this.namespace = namespace;
		this.options = options;
	}

	/** Also targets the sockets in these rooms. */
	public BroadcastOperator to(String... rooms) {
		return new BroadcastOperator(this.namespace,
				new BroadcastOptions(plus(this.options.rooms(), rooms), this.options.except(), this.options.local(),
						this.options.sender(), this.options.isVolatile()));
	}

	/** Same as {@link #to(String...)}. */
	public BroadcastOperator in(String... rooms) {
		return to(rooms);
	}

	/** Leaves out the sockets in these rooms. */
	public BroadcastOperator except(String... rooms) {
		return new BroadcastOperator(this.namespace,
				new BroadcastOptions(this.options.rooms(), plus(this.options.except(), rooms), this.options.local(),
						this.options.sender(), this.options.isVolatile()));
	}

	/** Reaches the sockets of this node only. */
	public BroadcastOperator local() {
		return new BroadcastOperator(this.namespace,
				new BroadcastOptions(this.options.rooms(), this.options.except(), true, this.options.sender(),
						this.options.isVolatile()));
	}

	/**
	 * Makes the emit volatile, as Socket.IO's {@code volatile} flag does: a socket that cannot take it at once (its
	 * output still waits for the client, or its connection is being upgraded) goes without it, for data that is
	 * stale by the time it could arrive (positions, tickers). Never queued.
	 */
	public BroadcastOperator asVolatile() {
		return new BroadcastOperator(this.namespace, new BroadcastOptions(this.options.rooms(), this.options.except(),
				this.options.local(), this.options.sender(), true));
	}

	private static Set<String> plus(Set<String> rooms, String... more) {
		Set<String> all = new LinkedHashSet<>(rooms);
		all.addAll(Arrays.asList(more));
		return Set.copyOf(all);
	}

	/** Sends an event to every targeted socket; it is encoded once for all of them. */
	public void emit(String event, Object... args) {
		this.namespace.adapter().broadcast(Packet.event(this.namespace.name(), null, eventData(event, args)),
				this.options);
	}

	/**
	 * Sends an event and completes with the first acknowledgement argument of every targeted socket, or
	 * exceptionally with a {@link java.util.concurrent.TimeoutException} when some did not answer in time.
	 */
	public CompletableFuture<List<Object>> emitWithAck(Duration timeout, String event, Object... args) {
		Packet packet = Packet.event(this.namespace.name(), this.namespace.nextAckId(), eventData(event, args));
		AckCollector collector = new AckCollector();
		this.namespace.adapter().serverCount().thenAccept(collector::expectNodes);
		this.namespace.adapter()
			.broadcastWithAck(packet, this.options, timeout, collector::addClients, collector::add);
		CompletableFuture<List<Object>> answers = collector.result().orTimeout(timeout.toMillis(),
				TimeUnit.MILLISECONDS);
		answers.whenComplete((result, failure) -> {
			if (failure instanceof TimeoutException) {
				this.namespace.server().observers().ackTimedOut(this.namespace);
			}
		});
		return answers;
	}

	/** The targeted sockets, on every node. */
	public CompletableFuture<List<RemoteSocket>> fetchSockets() {
		return this.namespace.adapter().fetchSockets(this.options).thenApply(this::toSockets);
	}

	private List<RemoteSocket> toSockets(List<SocketDetails> found) {
		List<RemoteSocket> sockets = new ArrayList<>(found.size());
		for (SocketDetails details : found) {
			NamespaceSocket local = this.namespace.socket(details.id());
			sockets.add((local != null) ? local : new ClusterSocket(this.namespace, details));
		}
		return sockets;
	}

	/** Makes the targeted sockets join these rooms. */
	public void socketsJoin(String... rooms) {
		this.namespace.adapter().addSockets(this.options, Set.of(rooms));
	}

	/** Makes the targeted sockets leave these rooms. */
	public void socketsLeave(String... rooms) {
		this.namespace.adapter().delSockets(this.options, Set.of(rooms));
	}

	/** Disconnects the targeted sockets; with {@code close}, closes their connections too. */
	public void disconnectSockets(boolean close) {
		this.namespace.adapter().disconnectSockets(this.options, close);
	}

	static List<Object> eventData(String event, Object... args) {
		if (ReservedEvents.contains(event)) {
			throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
		}
		List<Object> data = new ArrayList<>(args.length + 1);
		data.add(event);
		data.addAll(Arrays.asList(args));
		return data;
	}

}
