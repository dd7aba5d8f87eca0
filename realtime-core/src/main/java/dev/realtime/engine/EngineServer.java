package dev.realtime.engine;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.TaskScheduler;

import dev.realtime.websocket.WebSocketHandshake;

/**
 * An Engine.IO v4 server: validates requests the way the reference server does, opens sessions and routes each
 * request of a session to its transport. Listener callbacks run on the given executor, one at a time per session;
 * timers run on the given scheduler.
 */
public class EngineServer {

	private static final Logger logger = LoggerFactory.getLogger(EngineServer.class);

	private static final int MAX_PREFLIGHT_HEADERS = 1024;

	private final EngineOptions options;

	private final EngineListener listener;

	private final Executor executor;

	private final TaskScheduler scheduler;

	private final OriginCheck originCheck;

	private final AddressLimits limits;

	private final Map<String, DefaultEngineSession> sessions = new ConcurrentHashMap<>();

	public EngineServer(EngineOptions options, EngineListener listener, Executor executor, TaskScheduler scheduler) {
		this(options, listener, executor, scheduler, AddressLimits.NONE);
	}

	/**
	 * @param limits what one client address may open
	 */
	public EngineServer(EngineOptions options, EngineListener listener, Executor executor, TaskScheduler scheduler,
			AddressLimits limits) {
		this.options = options;
		this.listener = listener;
		this.executor = executor;
		this.scheduler = scheduler;
		this.originCheck = new OriginCheck(options.allowedOrigins());
		this.limits = limits;
	}

	public EngineOptions options() {
		return this.options;
	}

	public AddressLimits limits() {
		return this.limits;
	}

	public int sessionCount() {
		return this.sessions.size();
	}

	public @Nullable EngineSession session(String id) {
		return this.sessions.get(id);
	}

	/** Handles an HTTP long-polling request (handshake, GET or POST) or a CORS preflight. */
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean originAllowed = this.originCheck.isAllowed(request);
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (originAllowed && origin != null) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
			response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		}
		if ("OPTIONS".equals(request.getMethod()) && originAllowed) {
			preflight(request, response);
			return;
		}
		EngineQuery query = EngineQuery.parse(request.getQueryString());
		EngineError error = originAllowed ? verify(request, query, false) : forbidden(request);
		if (error != null) {
			error.write(response);
			return;
		}
		String sid = query.sid();
		DefaultEngineSession session = (sid != null) ? this.sessions.get(sid) : null;
		if (session != null) {
			session.handlePolling(request, response);
		}
		else if (sid != null) {
			EngineError.UNKNOWN_SID.write(response);
		}
		else {
			EngineRequest handshake = EngineRequest.from(request, query.parameters());
			EngineError limited = admit(request, handshake);
			if (limited != null) {
				limited.write(response);
				return;
			}
			PollingTransport transport = new PollingTransport(this.options, this.scheduler);
			session = register(handshake, transport);
			transport.handle(request, response);
			session.opened();
		}
	}

	private static void preflight(HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
		String headers = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
		// echoed in the response's head, which must fit the container's buffer: no browser asks for this many
		if (headers != null && headers.length() <= MAX_PREFLIGHT_HEADERS) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers);
		}
	}

	/**
	 * Upgrades a request that {@link #verifyUpgrade} and the WebSocket handshake's rules accepted: the WebSocket
	 * opens a new session, or becomes the probe of the polling session it upgrades.
	 */
	public void handleUpgrade(HttpServletRequest request, HttpServletResponse response, EngineQuery query)
			throws IOException, ServletException {
		String sid = query.sid();
		EngineRequest handshake = (sid == null) ? EngineRequest.from(request, query.parameters()) : null;
		if (handshake != null) {
			EngineError limited = admit(request, handshake);
			if (limited != null) {
				limited.write(response);
				return;
			}
		}
		WebSocketTransport transport;
		try {
			transport = WebSocketHandshake.upgrade(request, response, this.options.maxPayload(),
					this.options.maxBufferedBytes(), this.scheduler, this.options.perMessageDeflate(), (connection) -> {
						WebSocketTransport created = new WebSocketTransport(this.options.maxBufferedBytes());
						created.connect(new ServletWebSocketChannel(connection));
						return created;
					});
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (handshake != null) {
				abandon(handshake);
			}
			throw ex;
		}
		accept(handshake, sid, transport);
	}

	/**
	 * Counts a handshake against the limits of its client address: the session it opens counts until it closes, or
	 * until {@link #abandon} when it does not open after all.
	 * @return the error that refuses it, already logged and reported, or null when it may open a session
	 */
	public @Nullable EngineError admit(HttpServletRequest request, EngineRequest handshake) {
		EngineError refused = this.limits.admit(handshake);
		if (refused == null) {
			return null;
		}
		String address = request.getRemoteAddr();
		if (refused == EngineError.TOO_MANY_CONNECTIONS) {
			refuse(request, refused, "%s has %s sessions open, realtime.limits.connections-per-address", address,
					this.limits.connections());
		}
		else {
			refuse(request, refused, "%s made %s handshakes within a second, "
					+ "realtime.limits.handshakes-per-second-per-address", address, this.limits.handshakesPerSecond());
		}
		this.listener.onHandshakeRefused(refused.message().toLowerCase(Locale.ROOT));
		return refused;
	}

	/** A handshake that {@link #admit} counted opens no session after all (its upgrade failed). */
	public void abandon(EngineRequest handshake) {
		this.limits.release(handshake);
	}

	/** Checks a WebSocket upgrade request against the origin and Engine.IO's rules. */
	public @Nullable EngineError verifyUpgrade(HttpServletRequest request, EngineQuery query) {
		return this.originCheck.isAllowed(request) ? verify(request, query, true) : forbidden(request);
	}

	private EngineError forbidden(HttpServletRequest request) {
		return refuse(request, EngineError.FORBIDDEN, "origin %s is neither the endpoint's own nor one of "
				+ "realtime.allowed-origins", request.getHeader(HttpHeaders.ORIGIN));
	}

	/** A WebSocket opened: it starts a new session, or becomes the probe of the polling session it upgrades. */
	void accept(@Nullable EngineRequest handshake, @Nullable String sid, WebSocketTransport transport) {
		if (handshake != null) {
			register(handshake, transport).opened();
		}
		else if (sid == null || !upgrade(sid, transport)) {
			transport.reject();
		}
	}

	private @Nullable EngineError verify(HttpServletRequest request, EngineQuery query, boolean upgrade) {
		String transport = query.transport();
		if (transport == null || !this.options.transports().contains(transport)) {
			return refuse(request, EngineError.UNKNOWN_TRANSPORT, "transport %s is not one of realtime.transports %s",
					transport, this.options.transports());
		}
		String sid = query.sid();
		if (sid != null) {
			DefaultEngineSession session = this.sessions.get(sid);
			if (session == null) {
				return refuse(request, EngineError.UNKNOWN_SID, "no session %s (closed, or on another instance)",
						sid);
			}
			// a request for another transport than the session's is only valid as an upgrade
			return (upgrade || transport.equals(session.transport())) ? null : refuse(request,
					EngineError.BAD_REQUEST, "transport %s for a session on %s", transport, session.transport());
		}
		if (!"GET".equals(request.getMethod())) {
			return refuse(request, EngineError.BAD_HANDSHAKE_METHOD, "a handshake is a GET");
		}
		if (EngineOptions.WEBSOCKET.equals(transport) && !upgrade) {
			return refuse(request, EngineError.BAD_REQUEST, "transport websocket without a WebSocket upgrade");
		}
		return "4".equals(query.protocol()) ? null : refuse(request, EngineError.UNSUPPORTED_PROTOCOL_VERSION,
				"protocol EIO=%s, this server speaks 4", query.protocol());
	}

	/** Logs why a request is refused, at DEBUG: one line, with values as the client sent them, quoted. */
	private static EngineError refuse(HttpServletRequest request, EngineError error, String reason,
			@Nullable Object... values) {
		if (logger.isDebugEnabled()) {
			Object[] quoted = new Object[values.length];
			for (int i = 0; i < values.length; i++) {
				quoted[i] = (values[i] instanceof String text) ? quote(text) : values[i];
			}
			logger.debug("Refused {} {} with \"{}\": {}", request.getMethod(), request.getRequestURI(),
					error.message(), reason.formatted(quoted));
		}
		return error;
	}

	// control characters would let a client forge log lines
	private static String quote(String value) {
		String shown = (value.length() > 100) ? value.substring(0, 100) + "..." : value;
		return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
	}

	/** Offers a WebSocket as the upgrade of a polling session; false if the session cannot take it. */
	private boolean upgrade(String sid, WebSocketTransport transport) {
		DefaultEngineSession session = this.sessions.get(sid);
		return session != null && session.beginUpgrade(transport);
	}

	private DefaultEngineSession register(EngineRequest request, EngineTransport transport) {
		String id = Base64Id.generate();
		DefaultEngineSession session = new DefaultEngineSession(id, request, transport, this);
		this.sessions.put(id, session);
		session.start();
		return session;
	}

	String handshake(String sid, String transport) {
		boolean upgrades = EngineOptions.POLLING.equals(transport)
				&& this.options.transports().contains(EngineOptions.WEBSOCKET);
		return "{\"sid\":\"" + sid + "\",\"upgrades\":" + (upgrades ? "[\"websocket\"]" : "[]") + ",\"pingInterval\":"
				+ this.options.pingInterval().toMillis() + ",\"pingTimeout\":" + this.options.pingTimeout().toMillis()
				+ ",\"maxPayload\":" + this.options.maxPayload() + "}";
	}

	void remove(DefaultEngineSession session) {
		if (this.sessions.remove(session.id(), session)) {
			this.limits.release(session.request());
		}
	}

	EngineListener listener() {
		return this.listener;
	}

	Executor executor() {
		return this.executor;
	}

	TaskScheduler scheduler() {
		return this.scheduler;
	}

	/** Closes every session with reason "server shutting down". */
	public void close() {
		for (DefaultEngineSession session : this.sessions.values()) {
			session.shutdown();
		}
	}

}
