package dev.realtime.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

import dev.realtime.adapter.AdapterNamespace;
import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.adapter.ConnectionStateRecovery;
import dev.realtime.adapter.InMemoryAdapter;
import dev.realtime.adapter.LocalSocket;
import dev.realtime.adapter.RecoverableSession;
import dev.realtime.adapter.RestoredSession;
import dev.realtime.adapter.SocketDetails;
import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketType;

/**
 * The adapter of a namespace whose nodes meet on a Redis stream, speaking the protocol of
 * {@code @socket.io/redis-streams-adapter} 0.3: broadcasts, joins, leaves and disconnections are appended to the
 * stream, which every node reads; requests that need no keeping (fetching sockets, server-side emits, broadcasts
 * with acknowledgements) and their responses go through Redis pub/sub. Rooms stay in memory on each node.
 *
 * <p>
 * With connection state recovery, the offset of a packet is the id of its entry in the stream, and a session is kept
 * in Redis for the maximum disconnection duration, so a client recovers on any node: the packets it missed are read
 * from the stream. They are delivered, with what the stream brings meanwhile, once the recovered socket has joined
 * its rooms (not by the server, so {@link RestoredSession#missedPackets()} is empty): nothing comes between, and
 * nothing twice.
 */
public class RedisStreamsAdapter extends InMemoryAdapter {

	private static final Log logger = LogFactory.getLog(RedisStreamsAdapter.class);

	private final RedisStreamsAdapterFactory node;

	private final @Nullable ConnectionStateRecovery recovery;

	private final String publicChannel;

	private final MessageListener listener = this::onPubSubMessage;

	private final PendingRequests requests = new PendingRequests();

	private final PendingAcks acks = new PendingAcks();

	/** Its lock orders the deliveries from the stream with the recovered sockets' joins. */
	private final RecoveringSockets recovering = new RecoveringSockets();

	RedisStreamsAdapter(AdapterNamespace namespace, RedisStreamsAdapterFactory node) {
		super(namespace);
		this.node = node;
		this.recovery = namespace.recovery();
		this.publicChannel = node.publicChannel(namespace.name());
		node.subscribe(this.listener, namespace.name());
	}

	@Override
	public void broadcast(Packet packet, BroadcastOptions options) {
		if (options.local()) {
			super.broadcast(withOffset(packet, this.node.lastOffset()), options);
			return;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("packet", WireValues.packet(packet));
		data.put("opts", WireValues.options(options, Map.of()));
		this.node.store().appendBroadcast(message(MessageType.BROADCAST, data),
				(id) -> deliverFromStream(id, packet, options),
				() -> super.broadcast(withOffset(packet, this.node.lastOffset()), options));
	}

	/** Appends the offset to an event that Socket.IO stores for recovery, when recovery is on. */
	private Packet withOffset(Packet packet, @Nullable String offset) {
		if (this.recovery == null || offset == null || packet.type() != PacketType.EVENT || packet.id() != null) {
			return packet;
		}
		List<Object> data = new ArrayList<>((List<?>) packet.data());
		data.add(offset);
		return new Packet(packet.type(), packet.namespace(), null, data);
	}

	/** Delivers what the stream brought, to this node's sockets, and keeps it for the recovering ones. */
	private void deliverFromStream(String id, Packet packet, BroadcastOptions options) {
		Packet sent = withOffset(packet, id);
		synchronized (this.recovering) {
			this.recovering.offer(id, sent, options);
			super.broadcast(sent, this.recovering.excluding(options));
		}
	}

	@Override
	public void broadcastWithAck(Packet packet, BroadcastOptions options, IntConsumer clientCount,
			Consumer<List<Object>> ack) {
		broadcastWithAck(packet, options, this.node.requestTimeout(), clientCount, ack);
	}

	@Override
	public void broadcastWithAck(Packet packet, BroadcastOptions options, Duration timeout, IntConsumer clientCount,
			Consumer<List<Object>> ack) {
		if (!options.local()) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("packet", WireValues.packet(packet));
			data.put("requestId", this.acks.register(clientCount, ack, timeout));
			data.put("opts", WireValues.options(options, Map.of("timeout", timeout.toMillis())));
			publish(this.publicChannel, message(MessageType.BROADCAST, data));
		}
		super.broadcastWithAck(packet, options, clientCount, ack);
	}

	@Override
	public CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
		List<SocketDetails> local = super.fetchSockets(options).join();
		if (options.local()) {
			return CompletableFuture.completedFuture(local);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("opts", WireValues.options(options, Map.of()));
		return askOthers(MessageType.FETCH_SOCKETS, data, "fetchSockets responses", this.node.requestTimeout())
			.thenApply((responses) -> {
				List<SocketDetails> all = new ArrayList<>(local);
				responses.forEach((response) -> all.addAll(SocketDetailsValues.fromResponse(response)));
				return all;
			});
	}

	@Override
	public void addSockets(BroadcastOptions options, Set<String> rooms) {
		super.addSockets(options, rooms);
		appendSocketsRequest(MessageType.SOCKETS_JOIN, options, Map.of("rooms", List.copyOf(rooms)));
	}

	@Override
	public void delSockets(BroadcastOptions options, Set<String> rooms) {
		super.delSockets(options, rooms);
		appendSocketsRequest(MessageType.SOCKETS_LEAVE, options, Map.of("rooms", List.copyOf(rooms)));
	}

	@Override
	public void disconnectSockets(BroadcastOptions options, boolean close) {
		super.disconnectSockets(options, close);
		appendSocketsRequest(MessageType.DISCONNECT_SOCKETS, options, Map.of("close", close));
	}

	private void appendSocketsRequest(MessageType type, BroadcastOptions options, Map<String, Object> more) {
		if (!options.local()) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("opts", WireValues.options(options, Map.of()));
			data.putAll(more);
			this.node.store().append(message(type, data));
		}
	}

	@Override
	public void serverSideEmit(List<Object> packet) {
		publish(this.publicChannel, message(MessageType.SERVER_SIDE_EMIT, Map.of("packet", packet)));
	}

	@Override
	public CompletableFuture<List<Object>> serverSideEmitWithAck(List<Object> packet, Duration timeout) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("packet", packet);
		return askOthers(MessageType.SERVER_SIDE_EMIT, data, "serverSideEmit responses", timeout)
			.thenApply((responses) -> responses.stream().map((response) -> response.get("packet")).toList());
	}

	/** The nodes subscribed to this namespace's channel, this one included, as the Node adapter counts them. */
	@Override
	public CompletableFuture<Integer> serverCount() {
		return this.node.publisher().nodes(this.publicChannel, this.node.requestTimeout());
	}

	/** Publishes a request to every other node and waits for one response from each. */
	private CompletableFuture<List<Map<String, Object>>> askOthers(MessageType type, Map<String, Object> data,
			String description, Duration timeout) {
		String requestId = RandomIds.next();
		data.put("requestId", requestId);
		return serverCount().thenCompose((nodes) -> {
			if (nodes <= 1) {
				return CompletableFuture.completedFuture(List.of());
			}
			CompletableFuture<List<Map<String, Object>>> responses = this.requests.await(requestId, description,
					nodes - 1, timeout);
			publish(this.publicChannel, message(type, data));
			return responses;
		});
	}

	@Override
	public void addAll(String socketId, Set<String> rooms) {
		synchronized (this.recovering) {
			super.addAll(socketId, rooms);
			List<List<Object>> missed = this.recovering.joined(socketId, socketRooms(socketId));
			LocalSocket socket = (missed != null) ? namespace().localSocket(socketId) : null;
			if (socket != null) {
				missed.forEach((data) -> socket.deliver(Packet.event(namespace().name(), null, data), null, null));
			}
		}
	}

	@Override
	public void delAll(String socketId) {
		synchronized (this.recovering) {
			this.recovering.abandon(socketId);
			super.delAll(socketId);
		}
	}

	@Override
	public void persistSession(RecoverableSession session) {
		if (this.recovery != null) {
			this.node.store().storeSession(session, this.recovery.maxDisconnectionDuration());
		}
	}

	@Override
	public CompletableFuture<@Nullable RestoredSession> restoreSession(String pid, @Nullable String offset) {
		if (this.recovery == null || (offset != null && !StreamIds.isValid(offset))) {
			return CompletableFuture.completedFuture(null);
		}
		return this.node.store().takeSession(pid)
			.thenApplyAsync((session) -> (session != null) ? recover(session, offset) : null, this.node.restorer());
	}

	/**
	 * Reads what the session's socket missed after the offset (or since it connected, when it received nothing), for
	 * delivery once it has joined its rooms; null when the offset is no longer in the stream.
	 */
	private @Nullable RestoredSession recover(RecoverableSession session, @Nullable String offset) {
		String from;
		if (offset != null) {
			if (!this.node.store().hasEntry(offset)) {
				return null;
			}
			from = StreamIds.next(offset);
		}
		else if (!session.connectedAt().equals(SessionValues.UNKNOWN_CONNECTION)) {
			from = StreamIds.first(session.connectedAt().toEpochMilli());
		}
		else {
			return null;
		}
		synchronized (this.recovering) {
			this.recovering.start(session.sid(), session.rooms(), from);
		}
		try {
			Map<String, ClusterMessage> entries = this.node.store().entriesFrom(from);
			synchronized (this.recovering) {
				this.recovering.missed(session.sid(), missedPackets(entries, session.rooms()));
			}
			return new RestoredSession(session, List.of());
		}
		catch (RuntimeException ex) {
			synchronized (this.recovering) {
				this.recovering.abandon(session.sid());
			}
			throw ex;
		}
	}

	/**
	 * The packets of these entries that a socket in these rooms was to receive, up to where this node's reader is:
	 * it brings the later ones itself, and they are kept for the socket as they come.
	 */
	private Map<String, List<Object>> missedPackets(Map<String, ClusterMessage> entries, Set<String> rooms) {
		String readerPosition = this.node.readerPosition();
		Map<String, List<Object>> missed = new LinkedHashMap<>();
		entries.forEach((id, message) -> {
			if (readerPosition != null && StreamIds.ORDER.compare(id, readerPosition) > 0) {
				return;
			}
			Packet packet = broadcastPacket(message);
			BroadcastOptions options = WireValues.options(message.data().get("opts"));
			if (packet != null && RecoveringSockets.isStored(packet, options)
					&& RecoveringSockets.reaches(rooms, options.rooms(), options.except())) {
				missed.put(id, new ArrayList<>((List<?>) withOffset(packet, id).data()));
			}
		});
		return missed;
	}

	/**
	 * The packet of a broadcast of this namespace without acknowledgements, or null for another message. Node nodes
	 * leave the packet's namespace out: the message names it.
	 */
	private @Nullable Packet broadcastPacket(ClusterMessage message) {
		if (message.type() != MessageType.BROADCAST || !message.nsp().equals(namespace().name())
				|| message.data().get("requestId") != null) {
			return null;
		}
		Packet packet = WireValues.packet(message.data().get("packet"));
		return (packet != null) ? new Packet(packet.type(), namespace().name(), packet.id(), packet.data()) : null;
	}

	@Override
	public void close() {
		this.node.removed(this, namespace().name(), this.listener);
		this.requests.cancelAll();
		this.acks.clear();
		synchronized (this.recovering) {
			this.recovering.clear();
		}
	}

	/** An entry of the stream for this namespace, on the reader's thread, in the stream's order. */
	void onStreamEntry(String id, ClusterMessage message) {
		boolean own = message.isFrom(this.node.uid());
		Packet packet = broadcastPacket(message);
		if (packet != null) {
			if (own) {
				deliverOwn(id);
			}
			else {
				deliverFromStream(id, packet, WireValues.options(message.data().get("opts")));
			}
			return;
		}
		if (own || !(message.data().get("opts") instanceof Map<?, ?>)) {
			return;
		}
		BroadcastOptions options = WireValues.options(message.data().get("opts"));
		switch (message.type()) {
			case SOCKETS_JOIN -> super.addSockets(options, WireValues.strings(message.data().get("rooms")));
			case SOCKETS_LEAVE -> super.delSockets(options, WireValues.strings(message.data().get("rooms")));
			case DISCONNECT_SOCKETS -> super.disconnectSockets(options, Boolean.TRUE.equals(message.data().get("close")));
			default -> logger.debug("Ignoring a stream entry of type " + message.type());
		}
	}

	private void deliverOwn(String id) {
		try {
			Consumer<String> delivery = this.node.store().ownEntry(id);
			if (delivery != null) {
				delivery.accept(id);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void onPubSubMessage(Message message, byte @Nullable [] pattern) {
		try {
			ClusterMessage received = this.node.messages().fromPubSub(message.getBody());
			if (received != null && !received.isFrom(this.node.uid())
					&& received.nsp().equals(namespace().name())) {
				onRequestOrResponse(received);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring a message of namespace " + namespace().name() + " that could not be handled", ex);
		}
	}

	private void onRequestOrResponse(ClusterMessage message) {
		Map<String, Object> data = message.data();
		Object requestId = data.get("requestId");
		switch (message.type()) {
			case BROADCAST -> onBroadcastWithAck(message);
			case FETCH_SOCKETS -> respond(message, MessageType.FETCH_SOCKETS_RESPONSE, "sockets",
					SocketDetailsValues.toResponse(super.fetchSockets(WireValues.options(data.get("opts"))).join()));
			case SERVER_SIDE_EMIT -> onServerSideEmit(message);
			case FETCH_SOCKETS_RESPONSE, SERVER_SIDE_EMIT_RESPONSE -> {
				if (requestId != null) {
					this.requests.add(requestId, data);
				}
			}
			case BROADCAST_CLIENT_COUNT -> {
				if (requestId != null) {
					this.acks.clientCount(requestId, data.get("clientCount"));
				}
			}
			case BROADCAST_ACK -> {
				if (requestId != null) {
					this.acks.ack(requestId, data.get("packet"));
				}
			}
			default -> logger.debug("Ignoring a message of type " + message.type());
		}
	}

	private void onBroadcastWithAck(ClusterMessage message) {
		Packet received = WireValues.packet(message.data().get("packet"));
		if (received == null || message.data().get("requestId") == null) {
			return;
		}
		// acknowledgement ids are this node's, as each socket keeps its own
		Packet packet = new Packet(received.type(), namespace().name(), namespace().nextAckId(), received.data());
		super.broadcastWithAck(packet, WireValues.options(message.data().get("opts")),
				(count) -> respond(message, MessageType.BROADCAST_CLIENT_COUNT, "clientCount", count),
				(args) -> respond(message, MessageType.BROADCAST_ACK, "packet", args.isEmpty() ? null : args.get(0)));
	}

	private void onServerSideEmit(ClusterMessage message) {
		if (!(message.data().get("packet") instanceof List<?> packet)) {
			return;
		}
		// only the first acknowledgement argument crosses the cluster, as Node sends it
		@Nullable Consumer<List<Object>> ack = (message.data().get("requestId") != null)
				? (args) -> respond(message, MessageType.SERVER_SIDE_EMIT_RESPONSE, "packet",
						args.isEmpty() ? null : args.get(0))
				: null;
		namespace().receiveServerSideEmit(new ArrayList<>(packet), ack);
	}

	/** Answers a request on its sender's own channel. */
	private void respond(ClusterMessage request, MessageType type, String key, @Nullable Object value) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("requestId", request.data().get("requestId"));
		data.put(key, value);
		publish(this.node.privateChannel(namespace().name(), request.uid()), message(type, data));
	}

	private ClusterMessage message(MessageType type, Map<String, Object> data) {
		return new ClusterMessage(this.node.uid(), namespace().name(), type, data);
	}

	private void publish(String channel, ClusterMessage message) {
		this.node.publisher().publish(channel, this.node.messages().toPubSub(message));
	}

}
