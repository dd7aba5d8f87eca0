package dev.realtime.middleware;

import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;

import dev.realtime.server.DisconnectReason;
import dev.realtime.server.RealtimeSocket;

/**
 * Logs what sockets do: at INFO, how each CONNECT ended (connected, or rejected with the error's message) and each
 * disconnect with its reason; at DEBUG, each connect attempt and each event (name, argument count, whether an ack
 * was requested). While it logs, the socket id, namespace and principal name are in the SLF4J MDC under
 * {@link #SOCKET_KEY}, {@link #NAMESPACE_KEY} and {@link #PRINCIPAL_KEY}. It always proceeds.
 * <p>
 * The decisions of the CONNECT middleware after this one are not known while it runs, so it logs the attempt, then
 * the result from {@link ConnectContext#outcome()}, and the disconnect from a handler it adds to the socket, which
 * runs only for sockets that connected.
 */
public class LoggingMiddleware implements ConnectMiddleware, EventMiddleware {

	/** The order of the auto-configured bean: early, so it sees every attempt before any other middleware. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	public static final String SOCKET_KEY = "realtime.socket";

	public static final String NAMESPACE_KEY = "realtime.namespace";

	public static final String PRINCIPAL_KEY = "realtime.principal";

	private static final Logger logger = LoggerFactory.getLogger(LoggingMiddleware.class);

	@Override
	public void onConnect(ConnectContext context, Next next) {
		RealtimeSocket socket = context.socket();
		if (logger.isDebugEnabled()) {
			withMdc(socket, () -> logger.debug("Connect attempt to {}", socket.namespace().name()));
		}
		context.outcome().thenAccept((verdict) -> withMdc(socket, () -> logOutcome(socket, verdict)));
		socket.onDisconnect(this::logDisconnect);
		next.proceed();
	}

	@Override
	public void onEvent(EventContext context, Next next) {
		if (logger.isDebugEnabled()) {
			withMdc(context.socket(), () -> logger.debug("Event \"{}\" with {} argument(s), ack requested: {}",
					context.event(), context.args().size(), context.ackRequested()));
		}
		next.proceed();
	}

	private void logOutcome(RealtimeSocket socket, Verdict verdict) {
		String namespace = socket.namespace().name();
		if (socket.isConnected()) {
			logger.info("Socket {} connected to {}", socket.id(), namespace);
		}
		else if (verdict.error() != null) {
			logger.info("Connect to {} rejected: {}", namespace, verdict.error().getMessage());
		}
		else {
			logger.info("Connect to {} not completed: {}", namespace,
					(verdict.kind() == Verdict.Kind.BLOCK) ? "blocked" : "client left");
		}
	}

	private void logDisconnect(RealtimeSocket socket, DisconnectReason reason) {
		withMdc(socket, () -> logger.info("Socket {} disconnected from {}: {}", socket.id(),
				socket.namespace().name(), reason));
	}

	private static void withMdc(RealtimeSocket socket, Runnable logging) {
		MDC.put(SOCKET_KEY, socket.id());
		MDC.put(NAMESPACE_KEY, socket.namespace().name());
		Principal principal = socket.principal();
		if (principal != null) {
			MDC.put(PRINCIPAL_KEY, principal.getName());
		}
		try {
			logging.run();
		}
		finally {
			MDC.remove(SOCKET_KEY);
			MDC.remove(NAMESPACE_KEY);
			MDC.remove(PRINCIPAL_KEY);
		}
	}

}
