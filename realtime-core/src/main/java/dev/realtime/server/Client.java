package dev.realtime.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.realtime.adapter.ConnectionStateRecovery;
import dev.realtime.adapter.RestoredSession;
import dev.realtime.engine.EngineMessage;
import dev.realtime.engine.EngineSession;
import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.MiddlewareChain;
import dev.realtime.middleware.Verdict;
import dev.realtime.protocol.Packet;
import dev.realtime.protocol.PacketDecoder;
import dev.realtime.protocol.PacketType;
import dev.realtime.protocol.ProtocolException;

/**
 * One Engine.IO connection seen from Socket.IO: decodes its packets and routes them to the sockets it holds, one per
 * namespace. Every inbound method runs on the session's serial executor.
 */
final class Client {

	private static final Logger logger = LoggerFactory.getLogger(Client.class);

	private final RealtimeServer server;

	private final EngineSession session;

	private final PacketDecoder decoder;

	private final Map<String, NamespaceSocket> sockets = new ConcurrentHashMap<>();

	/** Namespaces whose CONNECT middleware has not decided yet. */
	private final Set<String> connecting = new HashSet<>();

	private final @Nullable ScheduledFuture<?> connectTimeout;

	Client(RealtimeServer server, EngineSession session) {
		this.server = server;
		this.session = session;
		this.decoder = server.newDecoder();
		// a connection that joins no namespace in time is closed, so idle handshakes cannot pile up
		this.connectTimeout = server.schedule(() -> execute(this::closeIfUnused), server.connectTimeout());
	}

	void onMessage(String text) {
		Observers observers = this.server.observers();
		if (!observers.isEmpty()) {
			observers.messageReceived(EngineMessage.utf8Length(text));
		}
		decoded(() -> this.decoder.decodeText(text));
	}

	void onMessage(byte[] data) {
		Observers observers = this.server.observers();
		if (!observers.isEmpty()) {
			observers.messageReceived(data.length);
		}
		decoded(() -> this.decoder.decodeBinary(data));
	}

	/** Handles the packet a message completed, if any; a malformed one closes the connection. */
	private void decoded(Supplier<@Nullable Packet> decoding) {
		try {
			Packet packet = decoding.get();
			if (packet != null) {
				onPacket(packet);
			}
		}
		catch (ProtocolException ex) {
			refuse(ex);
		}
	}

	private void onPacket(Packet packet) {
		if (packet.type() == PacketType.CONNECT) {
			connect(packet);
			return;
		}
		NamespaceSocket socket = this.sockets.get(packet.namespace());
		if (socket == null) {
			refuse(new ProtocolException("Packet for namespace " + packet.namespace() + " that is not connected"));
			return;
		}
		switch (packet.type()) {
			case EVENT -> socket.onEvent(packet);
			case ACK -> socket.onAck(packet);
			case DISCONNECT -> socket.onClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
			default -> refuse(new ProtocolException("A client may not send " + packet.type()));
		}
	}

	/** A CONNECT: the namespace's CONNECT middleware decide, then the socket connects or is refused. */
	@SuppressWarnings("unchecked")
	private void connect(Packet packet) {
		String name = packet.namespace();
		if (this.sockets.containsKey(name) || this.connecting.contains(name)) {
			return;
		}
		int limit = this.server.namespacesPerConnection();
		if (this.sockets.size() + this.connecting.size() >= limit) {
			logger.debug("Refused a namespace to connection {}: it has {}, realtime.limits.namespaces-per-connection",
					this.session.id(), limit);
			refuseConnect(name, Map.of("message", "Too many namespaces on one connection", "data",
					Map.of("limit", limit)));
			return;
		}
		this.connecting.add(name);
		Namespace namespace = this.server.hold(name);
		if (namespace == null) {
			this.connecting.remove(name);
			refuseConnect(name, Map.of("message", "Invalid namespace"));
			return;
		}
		Map<String, Object> auth = (packet.data() != null) ? (Map<String, Object>) packet.data() : Map.of();
		ConnectionStateRecovery recovery = this.server.recovery();
		if (recovery != null && auth.get("pid") instanceof String pid) {
			restore(namespace, pid, (auth.get("offset") instanceof String offset) ? offset : null)
				.thenAccept((restored) -> execute(() -> connect(namespace, auth, restored)));
			return;
		}
		connect(namespace, auth, null);
	}

	/**
	 * The session a reconnecting client asks for, or null for a new socket. A socket of that session still
	 * connected (its old connection not yet known to be lost) is closed first, which keeps its session.
	 */
	private CompletableFuture<@Nullable RestoredSession> restore(Namespace namespace, String pid,
			@Nullable String offset) {
		NamespaceSocket previous = namespace.socketByPid(pid);
		CompletableFuture<Void> previousClosed = CompletableFuture.completedFuture(null);
		if (previous != null && previous.client() != this) {
			previous.disconnect(true);
			previousClosed = previous.closed();
		}
		return previousClosed.thenCompose((closed) -> namespace.adapter().restoreSession(pid, offset))
			.exceptionally((ex) -> {
				logger.debug("Could not restore the session of a reconnecting client: {}", ex.toString());
				return null;
			});
	}

	private void connect(Namespace namespace, Map<String, Object> auth, @Nullable RestoredSession restored) {
		String name = namespace.name();
		NamespaceSocket socket = new NamespaceSocket(namespace, this, Handshake.of(this.session.request(), auth),
				restored);
		ConnectionStateRecovery recovery = this.server.recovery();
		MiddlewareChain<ConnectMiddleware, ConnectContext> line = (restored != null && recovery != null
				&& recovery.skipMiddlewares()) ? namespace.lines().connectOnRecovery() : namespace.lines().connect();
		CompletableFuture<Verdict> outcome = new CompletableFuture<>();
		ConnectContext context = new ConnectContext(socket, outcome.minimalCompletionStage());
		line.run(context, this::execute).thenAccept((verdict) -> {
			this.connecting.remove(name);
			finishConnect(name, socket, verdict);
			outcome.complete(verdict);
		});
	}

	/** Connects the socket once its CONNECT middleware proceeded, else tells the client why not. */
	private void finishConnect(String name, NamespaceSocket socket, Verdict verdict) {
		if (!verdict.proceeds() || !this.session.isOpen()) {
			// the socket was never connected: no handler ran, and rooms joined meanwhile are left
			socket.abandon();
			if (verdict.kind() == Verdict.Kind.REJECT && this.session.isOpen()) {
				refuseConnect(name, Rejections.toClient(verdict.error(), socket, "Connect"));
			}
			return;
		}
		this.sockets.put(name, socket);
		if (this.connectTimeout != null) {
			this.connectTimeout.cancel(false);
		}
		socket.connect();
	}

	private void refuseConnect(String namespace, Map<String, Object> error) {
		send(this.server.encode(new Packet(PacketType.CONNECT_ERROR, namespace, null, error)));
	}

	/** A malformed or forbidden packet: that connection alone is closed. */
	private void refuse(ProtocolException ex) {
		logger.debug("Closing connection {}: {}", this.session.id(), ex.getMessage());
		closeSockets(DisconnectReason.PARSE_ERROR);
		this.session.close();
	}

	private void closeIfUnused() {
		if (this.sockets.isEmpty() && this.session.isOpen()) {
			logger.debug("Closing connection {}: no namespace joined in time", this.session.id());
			this.session.close();
		}
	}

	void onClose(String reason) {
		if (this.connectTimeout != null) {
			this.connectTimeout.cancel(false);
		}
		closeSockets(DisconnectReason.ofEngineReason(reason));
	}

	private void closeSockets(DisconnectReason reason) {
		for (NamespaceSocket socket : new ArrayList<>(this.sockets.values())) {
			socket.onClose(reason);
		}
	}

	/** Closes the whole connection from the server side. */
	void close() {
		this.sockets.values().forEach((socket) -> socket.recordServerReason(DisconnectReason.FORCED_SERVER_CLOSE));
		execute(() -> {
			closeSockets(DisconnectReason.FORCED_SERVER_CLOSE);
			this.session.close();
		});
	}

	void send(List<EngineMessage> messages) {
		this.session.send(messages);
		Observers observers = this.server.observers();
		if (!observers.isEmpty()) {
			long bytes = 0;
			for (EngineMessage message : messages) {
				bytes += message.length();
			}
			observers.messagesSent(messages.size(), bytes, this.session.queuedBytes());
		}
	}

	/** The connection moved to WebSocket: its sockets' observers are told. */
	void onUpgrade() {
		Observers observers = this.server.observers();
		if (!observers.isEmpty()) {
			this.sockets.values().forEach(observers::socketUpgraded);
		}
	}

	/** The Engine.IO session id. */
	String id() {
		return this.session.id();
	}

	/** {@code polling} or {@code websocket}. */
	String transport() {
		return this.session.transport();
	}

	boolean isWritable() {
		return this.session.isWritable();
	}

	void execute(Runnable action) {
		this.session.executor().execute(action);
	}

	void remove(NamespaceSocket socket) {
		this.sockets.remove(socket.namespace().name(), socket);
	}

}
