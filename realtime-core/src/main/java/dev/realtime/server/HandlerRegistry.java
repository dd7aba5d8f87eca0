package dev.realtime.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import tools.jackson.databind.json.JsonMapper;

import dev.realtime.middleware.MiddlewareRegistry;
import dev.realtime.middleware.RealtimeMiddleware;

/**
 * The handlers registered on a namespace, or on a group of dynamic namespaces that share them. Handlers may be added
 * at any time; they apply to events that arrive afterwards.
 */
public abstract class HandlerRegistry {

	private final Handlers handlers;

	HandlerRegistry(Handlers handlers) {
		this.handlers = handlers;
	}

	Handlers handlers() {
		return this.handlers;
	}

	/** The namespace names this registry stands for. */
	abstract Predicate<String> scope();

	/**
	 * Adds a middleware for these namespaces alone (Socket.IO's {@code io.of("/admin").use(...)}), in every line it
	 * implements, after those registered before.
	 */
	public void use(RealtimeMiddleware middleware) {
		this.handlers.middleware.add(middleware, scope());
	}

	/** Runs when a socket connects (Socket.IO's {@code on("connection")}). */
	public void onConnect(ConnectHandler handler) {
		this.handlers.connect.add(handler);
	}

	/** Runs when a socket disconnects, with the reason. */
	public void onDisconnect(DisconnectHandler handler) {
		this.handlers.disconnect.add(handler);
	}

	/** Handles the event with this name. */
	public void on(String event, EventHandler handler) {
		this.handlers.events.computeIfAbsent(event, (name) -> new CopyOnWriteArrayList<>()).add(handler);
	}

	/** Handles the event with this name, its first argument converted to {@code type}. */
	public <T> void on(String event, Class<T> type, PayloadHandler<T> handler) {
		on(event, (socket, args, ack) -> {
			Object first = args.isEmpty() ? null : args.get(0);
			handler.onEvent(socket, this.handlers.mapper.convertValue(first, type), ack);
		});
	}

	/**
	 * Handles the event with this name that another node of the cluster sent with {@code serverSideEmit}; the ack
	 * answers a {@code serverSideEmitWithAck}.
	 */
	public void onServerSideEmit(String event, ServerSideEmitHandler handler) {
		this.handlers.serverSideEmits.computeIfAbsent(event, (name) -> new CopyOnWriteArrayList<>()).add(handler);
	}

	/** Told of each subscription a client made to a channel, after the SUBSCRIBE middleware. */
	public void onSubscribe(ChannelHandler handler) {
		this.handlers.subscribed.add(handler);
	}

	/** Told of each publication a client made to a channel, after the PUBLISH_IN middleware. */
	public void onPublish(ChannelHandler handler) {
		this.handlers.published.add(handler);
	}

	/** Sees every event, before the handlers of its name. */
	public void onAny(AnyEventHandler handler) {
		this.handlers.any.add(handler);
	}

	/** The handler lists, shared by a dynamic namespace group and every namespace it creates. */
	static final class Handlers {

		final JsonMapper mapper;

		final MiddlewareRegistry middleware;

		final List<ConnectHandler> connect = new CopyOnWriteArrayList<>();

		final List<DisconnectHandler> disconnect = new CopyOnWriteArrayList<>();

		final Map<String, List<EventHandler>> events = new ConcurrentHashMap<>();

		final Map<String, List<ServerSideEmitHandler>> serverSideEmits = new ConcurrentHashMap<>();

		final List<AnyEventHandler> any = new CopyOnWriteArrayList<>();

		final List<ChannelHandler> subscribed = new CopyOnWriteArrayList<>();

		final List<ChannelHandler> published = new CopyOnWriteArrayList<>();

		Handlers(JsonMapper mapper, MiddlewareRegistry middleware) {
			this.mapper = mapper;
			this.middleware = middleware;
		}

		List<EventHandler> eventHandlers(String event) {
			return this.events.getOrDefault(event, List.of());
		}

		List<ServerSideEmitHandler> serverSideEmitHandlers(String event) {
			return this.serverSideEmits.getOrDefault(event, List.of());
		}

	}

}
