package dev.realtime.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.AdapterFactory;
import dev.realtime.adapter.AdapterStatus;
import dev.realtime.adapter.ConnectionStateRecovery;
import dev.realtime.engine.EngineListener;
import dev.realtime.engine.EngineMessage;
import dev.realtime.engine.EngineSession;
import dev.realtime.middleware.MiddlewareRegistry;
import dev.realtime.middleware.RealtimeMiddleware;
import dev.realtime.protocol.EncodedPacket;
import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketDecoder;
import dev.realtime.protocol.PacketEncoder;
import dev.realtime.server.HandlerRegistry.Handlers;

/**
 * The Socket.IO server: its namespaces, and the connections that carry their sockets. Methods that broadcast act on
 * the main namespace "/".
 */
public class RealtimeServer {

	private static final Logger logger = LoggerFactory.getLogger(RealtimeServer.class);

	private final JsonMapper mapper;

	private final PacketEncoder encoder;

	private final AdapterFactory adapterFactory;

	private final TaskScheduler scheduler;

	private final ServerOptions options;

	private final MiddlewareRegistry middleware;

	private volatile InvocationScope invocationScope = InvocationScope.NONE;

	private volatile @Nullable CredentialRenewal credentialRenewal;

	private final Namespaces namespaces;

	private final Map<String, Client> clients = new ConcurrentHashMap<>();

	private final EngineListener engineListener = new ConnectionListener();

	private final Observers observers = new Observers();

	private final AtomicBoolean closed = new AtomicBoolean();

	public RealtimeServer(JsonMapper mapper, AdapterFactory adapterFactory, TaskScheduler scheduler,
			ServerOptions options) {
		this.mapper = mapper;
		this.encoder = new PacketEncoder(mapper);
		this.adapterFactory = adapterFactory;
		this.scheduler = scheduler;
		this.options = options;
		this.middleware = new MiddlewareRegistry(scheduler, options.middlewareTimeout(), () -> this.invocationScope);
		// with connection state recovery, an emptied namespace keeps the sessions of the sockets that left it
		this.namespaces = new Namespaces(this, options.cleanupEmptyDynamicNamespaces(),
				(options.recovery() != null) ? options.recovery().maxDisconnectionDuration() : null);
		namespace("/");
	}

	/** Adds a middleware for every namespace, in every line it implements, after those registered before. */
	public void use(RealtimeMiddleware middleware) {
		this.middleware.add(middleware, (namespace) -> true);
	}

	/** Surrounds every middleware and handler call for a socket, e.g. with the socket's security context. */
	public void setInvocationScope(InvocationScope invocationScope) {
		this.invocationScope = invocationScope;
	}

	InvocationScope invocationScope() {
		return this.invocationScope;
	}

	/** Answers the clients' in-band {@code #authenticate} requests; without it they are refused. */
	public void setCredentialRenewal(@Nullable CredentialRenewal credentialRenewal) {
		this.credentialRenewal = credentialRenewal;
	}

	@Nullable CredentialRenewal credentialRenewal() {
		return this.credentialRenewal;
	}

	/** Tells this observer what the server does from now on, after the observers added before. */
	public void addObserver(ServerObserver observer) {
		this.observers.add(observer);
		this.middleware.setDecisionObserver(this.observers::middlewareDecided);
	}

	Observers observers() {
		return this.observers;
	}

	/** The middleware of every line, for code that registers beans or bridges the HANDSHAKE line. */
	public MiddlewareRegistry middleware() {
		return this.middleware;
	}

	/** Where the Engine.IO layer hands its sessions to this server. */
	public EngineListener engineListener() {
		return this.engineListener;
	}

	/**
	 * The namespace with this name, created on first use ({@code io.of("/chat")}); a name that a dynamic namespace
	 * matches gets its handlers, and a namespace created here is kept even when it is empty.
	 */
	public Namespace namespace(String name) {
		if (NamespaceTemplate.isTemplate(name)) {
			throw new IllegalArgumentException("\"" + name + "\" is a template: use dynamicNamespace(String)");
		}
		return this.namespaces.named(name);
	}

	/**
	 * Namespaces made on demand for names that match a template such as {@code /workspace-{id}}; the same template
	 * gives the same group.
	 */
	public DynamicNamespace dynamicNamespace(String template) {
		return this.namespaces.register(DynamicNamespace.ofTemplate(template, newHandlers()));
	}

	/** Namespaces made on demand for names that match a regular expression. */
	public DynamicNamespace dynamicNamespace(Pattern pattern) {
		return this.namespaces.register(new DynamicNamespace(pattern.pattern(), pattern, List.of(), newHandlers()));
	}

	/** The main namespace "/". */
	public Namespace sockets() {
		return namespace("/");
	}

	/** The namespaces that exist now, including those created from dynamic namespaces. */
	public Collection<Namespace> namespaces() {
		return this.namespaces.all();
	}

	/** The templates and patterns that create namespaces on demand. */
	public Collection<DynamicNamespace> dynamicNamespaces() {
		return this.namespaces.dynamicNamespaces();
	}

	/** A channel of the main namespace. */
	public Channel channel(String name) {
		return sockets().channel(name);
	}

	public BroadcastOperator to(String... rooms) {
		return sockets().to(rooms);
	}

	public BroadcastOperator in(String... rooms) {
		return sockets().in(rooms);
	}

	public BroadcastOperator except(String... rooms) {
		return sockets().except(rooms);
	}

	public BroadcastOperator local() {
		return sockets().local();
	}

	public BroadcastOperator asVolatile() {
		return sockets().asVolatile();
	}

	public void emit(String event, Object... args) {
		sockets().emit(event, args);
	}

	public CompletableFuture<List<Object>> emitWithAck(Duration timeout, String event, Object... args) {
		return sockets().emitWithAck(timeout, event, args);
	}

	public void serverSideEmit(String event, Object... args) {
		sockets().serverSideEmit(event, args);
	}

	public CompletableFuture<List<Object>> serverSideEmitWithAck(Duration timeout, String event, Object... args) {
		return sockets().serverSideEmitWithAck(timeout, event, args);
	}

	public void onServerSideEmit(String event, ServerSideEmitHandler handler) {
		sockets().onServerSideEmit(event, handler);
	}

	public CompletableFuture<List<RemoteSocket>> fetchSockets() {
		return sockets().fetchSockets();
	}

	/** The socket with this id connected on this node, in whichever namespace, or null. */
	public @Nullable RealtimeSocket socket(String id) {
		for (Namespace namespace : this.namespaces.all()) {
			RealtimeSocket socket = namespace.socket(id);
			if (socket != null) {
				return socket;
			}
		}
		return null;
	}

	/** Sockets connected on this node, over all namespaces. */
	public int socketCount() {
		return namespaces().stream().mapToInt(Namespace::socketCount).sum();
	}

	/** Connections open on this node. */
	public int connectionCount() {
		return this.clients.size();
	}

	/** Connections open on this node that this transport carries now ({@code polling} or {@code websocket}). */
	public int connectionCount(String transport) {
		int count = 0;
		for (Client client : this.clients.values()) {
			if (client.transport().equals(transport)) {
				count++;
			}
		}
		return count;
	}

	/** The state of the link to the other nodes of the cluster ({@link AdapterStatus#LOCAL} on a node alone). */
	public AdapterStatus adapterStatus() {
		return this.adapterFactory.status();
	}

	/**
	 * Releases every adapter, then what they share, once; connections are closed by the Engine.IO server. One
	 * adapter that fails to close does not keep the others open.
	 */
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		for (Namespace namespace : namespaces()) {
			closeQuietly("the adapter of namespace " + namespace.name(), namespace.adapter()::close);
		}
		closeQuietly("the adapter factory", this.adapterFactory::close);
	}

	private static void closeQuietly(String what, Runnable close) {
		try {
			close.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not close {}: {}", what, ex.toString());
		}
	}

	/** The namespace a client's socket asks to join, held until {@link #release}; null when there is none. */
	@Nullable Namespace hold(String name) {
		return this.namespaces.hold(name);
	}

	/** The socket that held this namespace left it, or never joined. */
	void release(Namespace namespace) {
		this.namespaces.release(namespace);
	}

	/** How many namespaces one connection may join at once. */
	int namespacesPerConnection() {
		return this.options.namespacesPerConnection();
	}

	List<EngineMessage> encode(Packet packet) {
		EncodedPacket encoded = this.encoder.encode(packet);
		if (encoded.attachments().isEmpty()) {
			return List.of(EngineMessage.text(encoded.text()));
		}
		EngineMessage[] messages = new EngineMessage[encoded.attachments().size() + 1];
		messages[0] = EngineMessage.text(encoded.text());
		for (int i = 0; i < encoded.attachments().size(); i++) {
			messages[i + 1] = EngineMessage.binary(encoded.attachments().get(i));
		}
		return List.of(messages);
	}

	Handlers newHandlers() {
		return new Handlers(this.mapper, this.middleware);
	}

	PacketDecoder newDecoder() {
		return new PacketDecoder(this.mapper);
	}

	AdapterFactory adapterFactory() {
		return this.adapterFactory;
	}

	@Nullable ConnectionStateRecovery recovery() {
		return this.options.recovery();
	}

	Duration connectTimeout() {
		return this.options.connectTimeout();
	}

	ScheduledFuture<?> schedule(Runnable task, Duration delay) {
		return this.scheduler.schedule(task, Instant.now().plus(delay));
	}

	/** Turns Engine.IO sessions into Socket.IO clients. */
	private final class ConnectionListener implements EngineListener {

		@Override
		public void onOpen(EngineSession session) {
			RealtimeServer.this.clients.put(session.id(), new Client(RealtimeServer.this, session));
			RealtimeServer.this.observers.connectionOpened(session.transport());
		}

		@Override
		public void onHandshakeRefused(String reason) {
			RealtimeServer.this.observers.handshakeRefused(reason);
		}

		@Override
		public void onMessage(EngineSession session, String text) {
			Client client = RealtimeServer.this.clients.get(session.id());
			if (client != null) {
				client.onMessage(text);
			}
		}

		@Override
		public void onMessage(EngineSession session, byte[] data) {
			Client client = RealtimeServer.this.clients.get(session.id());
			if (client != null) {
				client.onMessage(data);
			}
		}

		@Override
		public void onClose(EngineSession session, String reason, @Nullable Throwable cause) {
			Client client = RealtimeServer.this.clients.get(session.id());
			if (client != null) {
				// counted until its sockets have left (and stored their sessions): a stopping server waits for that
				client.onClose(reason);
				if (RealtimeServer.this.clients.remove(session.id(), client)) {
					RealtimeServer.this.observers.connectionClosed(reason);
				}
			}
		}

		@Override
		public void onUpgrade(EngineSession session) {
			Client client = RealtimeServer.this.clients.get(session.id());
			if (client != null) {
				client.onUpgrade();
			}
		}

	}

}
