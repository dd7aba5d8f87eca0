package dev.realtime.admin;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;

import dev.realtime.server.BroadcastOperator;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.RealtimeSocket;

/**
 * The server side of the Socket.IO Admin UI ({@code @socket.io/admin-ui} 0.5), on a namespace of its own: on each
 * connection the {@code config} (and, in development mode, {@code all_sockets}), {@code server_stats} every
 * {@value #STATS_SECONDS} seconds, and the {@code emit}, {@code join}, {@code leave} and {@code _disconnect}
 * commands unless read-only. Everything it emits goes to the whole admin namespace through its adapter, so with a
 * cluster adapter the UI sees every node, each by its server id. Who may connect is decided by CONNECT middleware
 * ({@link AdminUiAuthentication}), registered with the application's other middleware.
 */
public class AdminUiServer {

	static final int STATS_SECONDS = 2;

	private static final List<String> COMMANDS = List.of("EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE",
			"MDISCONNECT");

	private final RealtimeServer server;

	private final AdminUiOptions options;

	private final @Nullable AdminUiAuthentication authentication;

	private final TaskScheduler scheduler;

	private @Nullable ScheduledFuture<?> statsTimer;

	/**
	 * @param authentication where the sessions of logged-in users come from; null when the UI logs in without
	 * credentials
	 */
	public AdminUiServer(RealtimeServer server, AdminUiOptions options, @Nullable AdminUiAuthentication authentication,
			TaskScheduler scheduler) {
		this.server = server;
		this.options = options;
		this.authentication = authentication;
		this.scheduler = scheduler;
	}

	/** The host's name, the server id the Node implementation uses by default. */
	public static String hostname() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	/** Whether the application serves this namespace itself, by name or through a dynamic namespace. */
	public static boolean isServed(RealtimeServer server, String namespace) {
		return server.namespaces().stream().anyMatch((existing) -> existing.name().equals(namespace))
				|| server.dynamicNamespaces().stream().anyMatch((dynamic) -> dynamic.pattern().matcher(namespace).matches());
	}

	/** Serves the admin namespace and starts reporting; once. */
	public synchronized void start() {
		if (this.statsTimer != null) {
			throw new IllegalStateException("The admin UI is started already");
		}
		Namespace admin = this.server.namespace(this.options.namespace());
		List<String> features = new ArrayList<>(this.options.readOnly() ? List.of() : COMMANDS);
		features.add("AGGREGATED_EVENTS");
		if (this.options.development()) {
			features.add("ALL_EVENTS");
		}
		if (!this.options.readOnly()) {
			registerCommands(admin);
		}
		admin.onConnect((socket) -> welcome(socket, features));
		ServerStats stats = new ServerStats(this.server, this.options.serverId());
		this.server.addObserver(stats);
		if (this.options.development()) {
			this.server.addObserver(new SocketEvents(admin));
		}
		this.statsTimer = this.scheduler.scheduleAtFixedRate(() -> admin.emit("server_stats", stats.report()),
				Duration.ofSeconds(STATS_SECONDS));
	}

	/** Stops reporting; the namespace stays, its sockets close with the server. */
	public synchronized void stop() {
		if (this.statsTimer != null) {
			this.statsTimer.cancel(false);
		}
	}

	private void welcome(RealtimeSocket socket, List<String> features) {
		String session = (this.authentication != null) ? this.authentication.takeIssuedSession(socket.id()) : null;
		if (session != null) {
			socket.emit("session", session);
		}
		socket.emit("config", Map.of("supportedFeatures", features));
		if (this.options.development()) {
			allSockets().thenAccept((sockets) -> socket.emit("all_sockets", sockets));
		}
	}

	/** The sockets of every namespace of this node, as each is seen across the cluster. */
	private CompletableFuture<List<Map<String, Object>>> allSockets() {
		List<CompletableFuture<List<Map<String, Object>>>> found = new ArrayList<>();
		for (Namespace namespace : this.server.namespaces()) {
			found.add(namespace.fetchSockets().thenApply((sockets) -> sockets.stream()
				.map((socket) -> SocketView.of(socket, namespace.name()))
				.toList()));
		}
		return CompletableFuture.allOf(found.toArray(CompletableFuture[]::new)).thenApply((done) -> {
			List<Map<String, Object>> all = new ArrayList<>();
			found.forEach((sockets) -> all.addAll(sockets.join()));
			return all;
		});
	}

	/** The UI's commands, each on the sockets of a namespace, or of a room of it when the filter names one. */
	private void registerCommands(Namespace admin) {
		admin.on("emit", (socket, args, ack) -> {
			BroadcastOperator target = target(args, 1);
			if (target != null && args.size() > 2) {
				target.emit(String.valueOf(args.get(2)), args.subList(3, args.size()).toArray());
			}
		});
		admin.on("join", (socket, args, ack) -> {
			BroadcastOperator target = target(args, 2);
			if (target != null && args.size() > 1) {
				target.socketsJoin(String.valueOf(args.get(1)));
			}
		});
		admin.on("leave", (socket, args, ack) -> {
			BroadcastOperator target = target(args, 2);
			if (target != null && args.size() > 1) {
				target.socketsLeave(String.valueOf(args.get(1)));
			}
		});
		admin.on("_disconnect", (socket, args, ack) -> {
			BroadcastOperator target = target(args, 2);
			if (target != null) {
				target.disconnectSockets(args.size() > 1 && Boolean.TRUE.equals(args.get(1)));
			}
		});
	}

	/**
	 * The sockets a command acts on: those of the namespace named by its first argument (only one that exists: a
	 * command creates no namespace), in the room named by the filter argument when there is one.
	 */
	private @Nullable BroadcastOperator target(List<Object> args, int filterIndex) {
		if (args.isEmpty()) {
			return null;
		}
		String name = String.valueOf(args.get(0));
		Namespace namespace = this.server.namespaces().stream()
			.filter((existing) -> existing.name().equals(name))
			.findFirst()
			.orElse(null);
		if (namespace == null) {
			return null;
		}
		Object filter = (args.size() > filterIndex) ? args.get(filterIndex) : null;
		// no rooms left out: every socket of the namespace
		return (filter instanceof String room && !room.isEmpty()) ? namespace.to(room) : namespace.except();
	}

}
