package dev.realtime.server;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.realtime.server.HandlerRegistry.Handlers;

/**
 * Calls a namespace's handlers for a socket. A handler's failure is logged and the client receives the client-facing
 * error object: in the ack when it asked for one, so that it does not wait for an answer that will not come, else in
 * an {@code error} event.
 */
final class Dispatch {

	private static final Logger logger = LoggerFactory.getLogger(Dispatch.class);

	private Dispatch() {
	}

	static void connect(NamespaceSocket socket) {
		try (InvocationScope.Scope scope = enter(socket)) {
			for (ConnectHandler handler : handlers(socket).connect) {
				try {
					handler.onConnect(socket);
				}
				catch (Throwable failure) {
					logger.error("Connect handler failed for {}", socket, failure);
				}
			}
		}
	}

	/** The namespace's disconnect handlers, then those added to the socket itself. */
	static void disconnect(NamespaceSocket socket, DisconnectReason reason) {
		try (InvocationScope.Scope scope = enter(socket)) {
			disconnect(handlers(socket).disconnect, socket, reason);
			disconnect(socket.disconnectHandlers(), socket, reason);
		}
	}

	private static void disconnect(List<DisconnectHandler> handlers, NamespaceSocket socket,
			DisconnectReason reason) {
		for (DisconnectHandler handler : handlers) {
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
		Observers observers = socket.namespace().server().observers();
		ServerObserver.EventHandling handling = observers.isEmpty() ? ServerObserver.EventHandling.NONE
				: observers.eventHandling(socket, event);
		try (InvocationScope.Scope scope = enter(socket)) {
			for (AnyEventHandler handler : handlers.any) {
				handler.onEvent(socket, event, args, ack);
			}
			for (EventHandler handler : handlers.eventHandlers(event)) {
				handler.onEvent(socket, args, ack);
			}
			handling.end(null);
		}
		catch (Throwable failure) {
			handling.end(failure);
			failed(socket, event, ack, failure);
		}
	}

	/** Calls the server-side handlers of an event another node sent; a failure is logged, the ack left unanswered. */
	static void serverSideEmit(Handlers handlers, String event, List<Object> args, Ack ack) {
		for (ServerSideEmitHandler handler : handlers.serverSideEmitHandlers(event)) {
			try {
				handler.onEvent(args, ack);
			}
			catch (Throwable failure) {
				logger.error("Server-side emit handler failed for \"{}\"", event, failure);
			}
		}
	}

	static void subscribed(NamespaceSocket socket, String channel) {
		channel(handlers(socket).subscribed, socket, channel, null);
	}

	static void published(NamespaceSocket socket, String channel, Object data) {
		channel(handlers(socket).published, socket, channel, data);
	}

	private static void channel(List<ChannelHandler> handlers, NamespaceSocket socket, String channel, Object data) {
		try (InvocationScope.Scope scope = enter(socket)) {
			for (ChannelHandler handler : handlers) {
				try {
					handler.on(socket, channel, data);
				}
				catch (Throwable failure) {
					logger.error("Channel handler failed for {} on \"{}\"", socket, channel, failure);
				}
			}
		}
	}

	private static InvocationScope.Scope enter(NamespaceSocket socket) {
		return socket.namespace().server().invocationScope().enter(socket);
	}

	/** Reports a handler failure: logged, and the client told in its ack, or in an {@code error} event. */
	static void failed(NamespaceSocket socket, String event, Ack ack, Throwable failure) {
		socket.fail(failure, ack, "Handler of \"" + event + "\"");
	}

	private static Handlers handlers(NamespaceSocket socket) {
		return socket.namespace().handlers();
	}

}
