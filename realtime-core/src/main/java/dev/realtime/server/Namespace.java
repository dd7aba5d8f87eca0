package dev.realtime.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import dev.realtime.adapter.Adapter;
import dev.realtime.adapter.AdapterNamespace;
import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.adapter.ConnectionStateRecovery;
import dev.realtime.adapter.LocalSocket;
import dev.realtime.engine.EngineMessage;
import dev.realtime.middleware.MiddlewareRegistry;
import dev.realtime.middleware.MiddlewareRegistry.Lines;
import dev.realtime.protocol.Packet;

/**
 * A Socket.IO namespace: a channel of its own over shared connections, with its sockets, rooms, handlers and
 * adapter. The main namespace "/" always exists.
 */
public class Namespace extends HandlerRegistry implements AdapterNamespace {

	private final String name;

	private final String group;

	private final RealtimeServer server;

	private final Map<String, String> variables;

	private final Map<String, NamespaceSocket> sockets = new ConcurrentHashMap<>();

	private final Map<String, NamespaceSocket> socketsByPid = new ConcurrentHashMap<>();

	private final AtomicLong ackIds = new AtomicLong();

	private final Adapter adapter;

	private volatile LinesSnapshot lines = new LinesSnapshot(-1, null);

	private final boolean removable;

	/**
	 * Sockets joining or connected, and how many times they fell to none, for a namespace that is removed when
	 * unused: read and changed only inside the atomic updates of this namespace's entry in {@link Namespaces}.
	 */
	private int holders;

	private int emptyings;

	/**
	 * @param removable whether the namespace is removed once unused, as a dynamic namespace made it for a client
	 */
	Namespace(String name, String group, RealtimeServer server, Handlers handlers, Map<String, String> variables,
			boolean removable) {
		super(handlers);
		this.name = name;
		this.group = group;
		this.server = server;
		this.variables = variables;
		this.removable = removable;
		this.adapter = server.adapterFactory().create(this);
	}

	@Override
	public String name() {
		return this.name;
	}

	/**
	 * The name of the dynamic namespace this namespace was created from (its template or regular expression), else
	 * its own name: a label that stays bounded however many namespaces a template creates (metric tags).
	 */
	public String group() {
		return this.group;
	}

	/** Whether a handler was registered for this event name, here or on the dynamic namespace this came from. */
	public boolean handles(String event) {
		return !handlers().eventHandlers(event).isEmpty();
	}

	/** Values of the template variables when this namespace was created from a dynamic namespace template. */
	public Map<String, String> variables() {
		return this.variables;
	}

	public Adapter adapter() {
		return this.adapter;
	}

	/** The sockets connected to this namespace on this node. */
	public Collection<RealtimeSocket> sockets() {
		return Collections.unmodifiableCollection(this.sockets.values());
	}

	/** How many sockets are connected to this namespace on this node. */
	public int socketCount() {
		return this.sockets.size();
	}

	/** The channel with this name. */
	public Channel channel(String name) {
		return new Channel(this, name);
	}

	/** Targets the sockets in these rooms. */
	public BroadcastOperator to(String... rooms) {
		return operator().to(rooms);
	}

	/** Same as {@link #to(String...)}. */
	public BroadcastOperator in(String... rooms) {
		return to(rooms);
	}

	/** Targets every socket except those in these rooms. */
	public BroadcastOperator except(String... rooms) {
		return operator().except(rooms);
	}

	/** Targets the sockets of this node only. */
	public BroadcastOperator local() {
		return operator().local();
	}

	/** Emits that a socket which cannot take them at once goes without: see {@link BroadcastOperator#asVolatile()}. */
	public BroadcastOperator asVolatile() {
		return operator().asVolatile();
	}

	/** Sends an event to every socket of the namespace. */
	public void emit(String event, Object... args) {
		operator().emit(event, args);
	}

	/** Sends an event to every socket and collects their acknowledgements. */
	public CompletableFuture<List<Object>> emitWithAck(Duration timeout, String event, Object... args) {
		return operator().emitWithAck(timeout, event, args);
	}

	/**
	 * Sends an event to the {@link #onServerSideEmit(String, ServerSideEmitHandler) server-side handlers} of the
	 * other nodes of the cluster, not to clients.
	 */
	public void serverSideEmit(String event, Object... args) {
		this.adapter.serverSideEmit(BroadcastOperator.eventData(event, args));
	}

	/**
	 * Sends an event to the server-side handlers of the other nodes and completes with the first acknowledgement
	 * argument of each, or exceptionally when some did not answer in time. Completes with none on a single node.
	 */
	public CompletableFuture<List<Object>> serverSideEmitWithAck(Duration timeout, String event, Object... args) {
		return this.adapter.serverSideEmitWithAck(BroadcastOperator.eventData(event, args), timeout);
	}

	/** The sockets of the namespace, on every node. */
	public CompletableFuture<List<RemoteSocket>> fetchSockets() {
		return operator().fetchSockets();
	}

	/** Makes every socket join these rooms. */
	public void socketsJoin(String... rooms) {
		operator().socketsJoin(rooms);
	}

	/** Makes every socket leave these rooms. */
	public void socketsLeave(String... rooms) {
		operator().socketsLeave(rooms);
	}

	/** Disconnects every socket; with {@code close}, closes their connections too. */
	public void disconnectSockets(boolean close) {
		operator().disconnectSockets(close);
	}

	private BroadcastOperator operator() {
		return new BroadcastOperator(this, BroadcastOptions.ALL);
	}

	@Override
	public @Nullable LocalSocket localSocket(String id) {
		return this.sockets.get(id);
	}

	@Override
	public List<EngineMessage> encode(Packet packet) {
		return this.server.encode(packet);
	}

	@Override
	public void receiveServerSideEmit(List<Object> packet, @Nullable Consumer<List<Object>> ack) {
		if (!packet.isEmpty() && packet.get(0) instanceof String event) {
			Dispatch.serverSideEmit(handlers(), event, packet.subList(1, packet.size()),
					(ack != null) ? new OnceAck(ack) : Ack.NONE);
		}
	}

	RealtimeServer server() {
		return this.server;
	}

	@Override
	Predicate<String> scope() {
		return this.name::equals;
	}

	/** The middleware chains of this namespace, rebuilt when middleware is added. */
	Lines lines() {
		MiddlewareRegistry registry = handlers().middleware;
		LinesSnapshot snapshot = this.lines;
		long version = registry.version();
		if (snapshot.version() != version) {
			snapshot = new LinesSnapshot(version, registry.linesFor(this.name));
			this.lines = snapshot;
		}
		return snapshot.lines();
	}

	@Override
	public void joined(String socketId, String room) {
		Observers observers = this.server.observers();
		if (!observers.isEmpty()) {
			observers.roomJoined(this, socketId, room);
		}
	}

	@Override
	public void left(String socketId, String room) {
		Observers observers = this.server.observers();
		if (!observers.isEmpty()) {
			observers.roomLeft(this, socketId, room);
		}
	}

	@Override
	public @Nullable ConnectionStateRecovery recovery() {
		return this.server.recovery();
	}

	@Override
	public long nextAckId() {
		return this.ackIds.getAndIncrement();
	}

	boolean isRemovable() {
		return this.removable;
	}

	/** A socket is joining: a namespace held is not removed. */
	void hold() {
		if (this.removable) {
			this.holders++;
		}
	}

	/** A socket that held this namespace left; whether none holds it now. */
	boolean release() {
		if (!this.removable || this.holders == 0 || --this.holders > 0) {
			return false;
		}
		this.emptyings++;
		return true;
	}

	/** How many times the namespace fell unused. */
	int emptyings() {
		return this.emptyings;
	}

	/** Whether the namespace is unused, and stayed so since it fell unused for the given time. */
	boolean isUnusedSince(int emptying) {
		return this.holders == 0 && this.emptyings == emptying;
	}

	@Nullable NamespaceSocket socket(String id) {
		return this.sockets.get(id);
	}

	void add(NamespaceSocket socket) {
		this.sockets.put(socket.id(), socket);
		String pid = socket.pid();
		if (pid != null) {
			this.socketsByPid.put(pid, socket);
		}
	}

	void remove(NamespaceSocket socket) {
		this.sockets.remove(socket.id(), socket);
		String pid = socket.pid();
		if (pid != null) {
			this.socketsByPid.remove(pid, socket);
		}
	}

	/** The connected socket that connection state recovery knows by this private id, if any. */
	@Nullable NamespaceSocket socketByPid(String pid) {
		return this.socketsByPid.get(pid);
	}

	/** The sockets to tell when the server stops. */
	List<NamespaceSocket> snapshot() {
		return new ArrayList<>(this.sockets.values());
	}

	Set<String> roomsOf(String socketId) {
		return this.adapter.socketRooms(socketId);
	}

	@Override
	public String toString() {
		return "Namespace " + this.name;
	}

	private record LinesSnapshot(long version, Lines lines) {
	}

}
