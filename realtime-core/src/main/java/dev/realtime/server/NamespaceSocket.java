package dev.realtime.server;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.adapter.LocalSocket;
import dev.realtime.adapter.RecoverableSession;
import dev.realtime.adapter.RestoredSession;
import dev.realtime.adapter.SocketDetails;
import dev.realtime.engine.Base64Id;
import dev.realtime.engine.EngineMessage;
import dev.realtime.middleware.BlockedException;
import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.Verdict;
import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketType;

/** A socket connected to a namespace on this node. */
final class NamespaceSocket implements RealtimeSocket, LocalSocket {

	private final String id;

	/** The private id that recovers this socket after a lost connection; null when recovery is off. */
	private final @Nullable String pid;

	/** What connection state recovery restored, or null for a new socket. */
	private final @Nullable RestoredSession restored;

	private final Instant connectedAt = Instant.now();

	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	private final Namespace namespace;

	private final Client client;

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	private final Map<Long, Consumer<List<Object>>> pendingAcks = new ConcurrentHashMap<>();

	private final List<DisconnectHandler> disconnectHandlers = new CopyOnWriteArrayList<>();

	private volatile Handshake handshake;

	private final InboundQueue inbound;

	private volatile boolean connected;

	/**
	 * The reason the server gave when it disconnected this socket. The client may answer the DISCONNECT packet by
	 * closing its connection before the socket's own close has run; the server's reason still holds.
	 */
	private volatile @Nullable DisconnectReason serverReason;

	NamespaceSocket(Namespace namespace, Client client, Handshake handshake, @Nullable RestoredSession restored) {
		this.namespace = namespace;
		this.client = client;
		this.handshake = handshake;
		this.restored = restored;
		this.id = (restored != null) ? restored.session().sid() : Base64Id.generate();
		this.pid = (restored != null) ? restored.session().pid()
				: (namespace.server().recovery() != null) ? Base64Id.generate() : null;
		this.inbound = new InboundQueue(client::execute);
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public Namespace namespace() {
		return this.namespace;
	}

	@Override
	public Handshake handshake() {
		return this.handshake;
	}

	@Override
	public @Nullable Principal principal() {
		return this.handshake.principal();
	}

	@Override
	public void setPrincipal(@Nullable Principal principal) {
		this.handshake = this.handshake.withPrincipal(principal);
	}

	@Override
	public Map<String, Object> attributes() {
		return this.attributes;
	}

	@Override
	public String transport() {
		return this.client.transport();
	}

	@Override
	public String connectionId() {
		return this.client.id();
	}

	@Override
	public Instant connectedAt() {
		return this.connectedAt;
	}

	@Override
	public boolean isConnected() {
		return this.connected;
	}

	@Override
	public Set<String> rooms() {
		return this.namespace.roomsOf(this.id);
	}

	@Override
	public void join(String... rooms) {
		this.namespace.adapter().addAll(this.id, Set.of(rooms));
	}

	@Override
	public void leave(String room) {
		this.namespace.adapter().del(this.id, room);
	}

	@Override
	public void emit(String event, Object... args) {
		Packet packet = Packet.event(this.namespace.name(), null, BroadcastOperator.eventData(event, args));
		if (this.pid != null) {
			// through the adapter, which stores it for this socket should its connection be lost
			this.namespace.adapter().broadcast(packet, new BroadcastOptions(Set.of(this.id), Set.of(), false));
		}
		else {
			deliver(packet, null, null);
		}
	}

	@Override
	public boolean recovered() {
		return this.restored != null;
	}

	@Override
	public CompletableFuture<Object> emitWithAck(Duration timeout, String event, Object... args) {
		long ackId = this.namespace.nextAckId();
		CompletableFuture<Object> answer = new CompletableFuture<>();
		expectAck(ackId, (ackArgs) -> answer.complete(ackArgs.isEmpty() ? null : ackArgs.get(0)));
		answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((result, failure) -> {
			this.pendingAcks.remove(ackId);
			if (failure instanceof TimeoutException) {
				this.namespace.server().observers().ackTimedOut(this.namespace);
			}
		});
		deliver(Packet.event(this.namespace.name(), ackId, BroadcastOperator.eventData(event, args)), null, null);
		return answer;
	}

	@Override
	public BroadcastOperator asVolatile() {
		return new BroadcastOperator(this.namespace, new BroadcastOptions(Set.of(this.id), Set.of(), true, null, true));
	}

	@Override
	public boolean isWritable() {
		return this.client.isWritable();
	}

	@Override
	public BroadcastOperator broadcast() {
		return new BroadcastOperator(this.namespace, new BroadcastOptions(Set.of(), Set.of(this.id), false, this.id));
	}

	@Override
	public BroadcastOperator to(String... rooms) {
		return broadcast().to(rooms);
	}

	@Override
	public BroadcastOperator except(String... rooms) {
		return broadcast().except(rooms);
	}

	@Override
	public void onDisconnect(DisconnectHandler handler) {
		this.disconnectHandlers.add(handler);
	}

	@Override
	public void disconnect(boolean close) {
		if (!this.connected) {
			return;
		}
		recordServerReason(
				close ? DisconnectReason.FORCED_SERVER_CLOSE : DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
		send(new Packet(PacketType.DISCONNECT, this.namespace.name(), null, null));
		if (close) {
			this.client.close();
		}
		else {
			this.client.execute(() -> onClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT));
		}
	}

	@Override
	public void deliver(Packet packet, @Nullable List<EngineMessage> encoded, @Nullable String senderId) {
		if (this.connected) {
			Outbound.deliver(this, packet, encoded, senderId);
		}
	}

	@Override
	public void expectAck(long id, Consumer<List<Object>> callback) {
		this.pendingAcks.put(id, callback);
	}

	@Override
	public SocketDetails details() {
		return new SocketDetails(this.id, rooms(), HandshakeDetails.toDetails(this.handshake), this.attributes);
	}

	/** Sends a packet that no outbound middleware looks at (CONNECT, DISCONNECT, ACK). */
	private void send(Packet packet) {
		if (this.connected) {
			this.client.send(this.namespace.encode(packet));
		}
	}

	/** Joins the namespace: the socket's own room, the CONNECT answer, then the connect handlers. */
	void connect() {
		this.connected = true;
		this.namespace.add(this);
		join(this.id);
		if (this.restored != null) {
			join(this.restored.session().rooms().toArray(String[]::new));
			this.attributes.putAll(this.restored.session().data());
			for (List<Object> missed : this.restored.missedPackets()) {
				deliver(Packet.event(this.namespace.name(), null, missed), null, null);
			}
		}
		Map<String, Object> answer = (this.pid != null) ? Map.of("sid", this.id, "pid", this.pid)
				: Map.of("sid", this.id);
		this.client.send(this.namespace.encode(new Packet(PacketType.CONNECT, this.namespace.name(), null, answer)));
		observers().socketConnected(this);
		Dispatch.connect(this);
	}

	/** An EVENT from the client: queued behind this socket's earlier actions. */
	void onEvent(Packet packet) {
		List<?> data = (List<?>) packet.data();
		String event = String.valueOf(data.get(0));
		List<Object> args = new ArrayList<>(data.subList(1, data.size()));
		Observers observers = observers();
		// a renewal's credentials are shown to no observer (the Admin UI lists the events it receives)
		if (!observers.isEmpty() && !AuthenticateRequest.NAME.equals(event)) {
			observers.eventReceived(this, event, args);
		}
		Long ackId = packet.id();
		Ack ack = (ackId != null) ? new OnceAck((answer) -> sendAck(ackId, answer)) : Ack.NONE;
		this.inbound.submit(() -> {
			if (ChannelRequests.isChannelRequest(event)) {
				return ChannelRequests.handle(this, event, args, ack);
			}
			if (AuthenticateRequest.NAME.equals(event)) {
				AuthenticateRequest.handle(this, args, ack, this.namespace.server().credentialRenewal());
				return CompletableFuture.completedFuture(null);
			}
			return handleEvent(event, args, ack);
		});
	}

	private CompletionStage<?> handleEvent(String event, List<Object> args, Ack ack) {
		EventContext context = new EventContext(this, event, args, ack.isRequested());
		return this.namespace.lines().event().run(context, this.client::execute).thenAccept((verdict) -> {
			if (!this.connected) {
				return;
			}
			if (verdict.proceeds()) {
				Dispatch.event(this, event, context.args(), ack);
			}
			else {
				refuse(verdict, ack, "Event \"" + event + "\"");
			}
		});
	}

	/**
	 * Tells the client why its action was refused: in the ack when it asked for one, else, for a rejection, in an
	 * {@code error} event. A silent block answers only an ack, so no client waits forever.
	 */
	void refuse(Verdict verdict, Ack ack, String action) {
		if (verdict.kind() == Verdict.Kind.BLOCK) {
			ack.send(new BlockedException().toClientError());
			return;
		}
		fail(verdict.error(), ack, action);
	}

	/** Tells the client why its action failed: in the ack when it asked for one, else in an {@code error} event. */
	void fail(Throwable failure, Ack ack, String action) {
		Map<String, Object> error = Rejections.toClient(failure, this, action);
		if (ack.isRequested()) {
			ack.send(error);
		}
		else {
			emit("error", error);
		}
	}

	/** An ACK from the client for one of our emits. */
	@SuppressWarnings("unchecked")
	void onAck(Packet packet) {
		Consumer<List<Object>> callback = this.pendingAcks.remove(packet.id());
		if (callback != null) {
			callback.accept((List<Object>) packet.data());
		}
	}

	private void sendAck(long ackId, List<Object> args) {
		send(Packet.ack(this.namespace.name(), ackId, args));
	}

	/** Drops a socket whose CONNECT was refused or whose client left meanwhile: it never connected. */
	void abandon() {
		this.closed.complete(null);
		this.namespace.adapter().delAll(this.id);
		this.namespace.server().release(this.namespace);
	}

	/** Records why the server is closing this socket, before the client can learn of it. */
	void recordServerReason(DisconnectReason reason) {
		this.serverReason = reason;
	}

	/** Leaves the namespace; runs on the connection's serial executor, once. */
	void onClose(DisconnectReason reason) {
		if (!this.connected) {
			return;
		}
		this.connected = false;
		DisconnectReason serverReason = this.serverReason;
		DisconnectReason finalReason = (serverReason != null) ? serverReason : reason;
		if (this.pid != null && finalReason.isRecoverable()) {
			this.namespace.adapter()
				.persistSession(new RecoverableSession(this.id, this.pid, rooms(), Map.copyOf(this.attributes),
						this.connectedAt));
		}
		this.namespace.adapter().delAll(this.id);
		this.namespace.remove(this);
		this.client.remove(this);
		this.pendingAcks.clear();
		observers().socketDisconnected(this, finalReason);
		Dispatch.disconnect(this, finalReason);
		this.closed.complete(null);
		// once the disconnect handlers ran, which may still use the namespace
		this.namespace.server().release(this.namespace);
	}

	/** The private id of connection state recovery, or null when it is off. */
	@Nullable String pid() {
		return this.pid;
	}

	/** Completes once the socket has left its namespace. */
	CompletableFuture<Void> closed() {
		return this.closed;
	}

	private Observers observers() {
		return this.namespace.server().observers();
	}

	List<DisconnectHandler> disconnectHandlers() {
		return this.disconnectHandlers;
	}

	Client client() {
		return this.client;
	}

	@Override
	public String toString() {
		return "Socket " + this.id + " in " + this.namespace.name();
	}

}
