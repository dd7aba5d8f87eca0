package dev.realtime.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.json.JsonMapper;

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

	/** Sees every event, before the handlers of its name. */
	public void onAny(AnyEventHandler handler) {
		this.handlers.any.add(handler);
	}

	/** The handler lists, shared by a dynamic namespace group and every namespace it creates. */
	static final class Handlers {

		final JsonMapper mapper;

		final List<ConnectHandler> connect = new CopyOnWriteArrayList<>();

		final List<DisconnectHandler> disconnect = new CopyOnWriteArrayList<>();

		final Map<String, List<EventHandler>> events = new ConcurrentHashMap<>();

		final List<AnyEventHandler> any = new CopyOnWriteArrayList<>();

		Handlers(JsonMapper mapper) {
			this.mapper = mapper;
		}

		List<EventHandler> eventHandlers(String event) {
			return this.events.getOrDefault(event, List.of());
		}

	}

}
