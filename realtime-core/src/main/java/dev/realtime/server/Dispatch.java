package dev.realtime.server;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.realtime.server.HandlerRegistry.Handlers;

/**
 * Calls a namespace's handlers for a socket. A handler's failure is logged; when the client asked for an ack, it is
 * answered with the client-facing error object, so no client waits for an answer that will not come.
 */
final class Dispatch {

	private static final Logger logger = LoggerFactory.getLogger(Dispatch.class);

	private Dispatch() {
	}

	static void connect(NamespaceSocket socket) {
		for (ConnectHandler handler : handlers(socket).connect) {
			try {
				handler.onConnect(socket);
			}
			catch (Throwable failure) {
				logger.error("Connect handler failed for {}", socket, failure);
			}
		}
	}

	static void disconnect(NamespaceSocket socket, DisconnectReason reason) {
		for (DisconnectHandler handler : handlers(socket).disconnect) {
			try {
				handler.onDisconnect(socket, reason);
			}
			catch (Throwable failure) {
				logger.error("Disconnect handler failed for {}", socket, failure);
			}
		}
	}

	static void event(NamespaceSocket socket, String event, List<Object> args, Ack ack) {
		Handlers handlers = handlers(socket);
		try {
			for (AnyEventHandler handler : handlers.any) {
				handler.onEvent(socket, event, args, ack);
			}
			for (EventHandler handler : handlers.eventHandlers(event)) {
				handler.onEvent(socket, args, ack);
			}
		}
		catch (Throwable failure) {
			failed(socket, event, ack, failure);
		}
	}

	/** Reports a handler failure: logged, and the ack (when asked for) answered with the client-facing error. */
	static void failed(RealtimeSocket socket, String event, Ack ack, Throwable failure) {
		if (failure instanceof RealtimeException) {
			logger.debug("Handler of \"{}\" rejected for {}: {}", event, socket, failure.getMessage());
		}
		else {
			logger.error("Handler of \"{}\" failed for {}", event, socket, failure);
		}
		ack.send(RealtimeException.clientErrorOf(failure));
	}

	private static Handlers handlers(NamespaceSocket socket) {
		return socket.namespace().handlers();
	}

}
