package dev.realtime.server;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.realtime.middleware.MiddlewareLine;
import dev.realtime.middleware.Verdict;

/**
 * Told what the server does, for metrics, tracing and administration tools; added with
 * {@link RealtimeServer#addObserver(ServerObserver)}. Every method does nothing by default. They run on the thread of
 * the action (the socket's serial executor for what a client does, the sender's thread for what the server sends),
 * so they must return quickly, never block, and not throw. A server without observers does none of this work.
 */
public interface ServerObserver {

	/** An Engine.IO connection opened, on {@code transport} ({@code polling} or {@code websocket}). */
	default void connectionOpened(String transport) {
	}

	/** An Engine.IO connection closed, with Engine.IO's reason ("transport close", "ping timeout"...). */
	default void connectionClosed(String reason) {
	}

	/**
	 * A handshake was refused by a limit on its client address, before any connection opened; called on the web
	 * server's thread.
	 * @param reason "too many connections" or "too many handshakes"
	 */
	default void handshakeRefused(String reason) {
	}

	/** A socket connected to its namespace: its CONNECT middleware proceeded. */
	default void socketConnected(RealtimeSocket socket) {
	}

	/** The connection of a socket moved from long-polling to WebSocket. */
	default void socketUpgraded(RealtimeSocket socket) {
	}

	/** A socket left its namespace. */
	default void socketDisconnected(RealtimeSocket socket, DisconnectReason reason) {
	}

	/** A socket of this node joined a room it was not in. */
	default void roomJoined(Namespace namespace, String socketId, String room) {
	}

	/** A socket of this node left a room, on its own or because it disconnected. */
	default void roomLeft(Namespace namespace, String socketId, String room) {
	}

	/** A client sent an event, before any middleware saw it. */
	default void eventReceived(RealtimeSocket socket, String event, List<?> args) {
	}

	/** An event, or a channel publication, is on its way to one socket: once per recipient of a broadcast. */
	default void eventSent(RealtimeSocket socket, String event, List<?> args) {
	}

	/**
	 * The handlers of an event are about to run (after the EVENT middleware proceeded). The handling returned is ended
	 * on the same thread once they returned.
	 */
	default EventHandling eventHandling(RealtimeSocket socket, String event) {
		return EventHandling.NONE;
	}

	/** A line's middleware decided; lines without middleware are not reported. */
	default void middlewareDecided(MiddlewareLine line, Verdict verdict) {
	}

	/** An emit with acknowledgement to a socket or a broadcast did not get every answer in time. */
	default void ackTimedOut(Namespace namespace) {
	}

	/** A Socket.IO message (an Engine.IO "message" packet) arrived from a client. */
	default void messageReceived(int bytes) {
	}

	/**
	 * Messages were queued for one connection.
	 * @param messages how many
	 * @param bytes their payloads' length
	 * @param queuedBytes what waits for that client once they were queued (0 when its output keeps up)
	 */
	default void messagesSent(int messages, long bytes, long queuedBytes) {
	}

	/** One run of the handlers of an event, ended once they returned. */
	@FunctionalInterface
	interface EventHandling {

		EventHandling NONE = (failure) -> {
		};

		/** @param failure what a handler threw, or null when they all returned */
		void end(@Nullable Throwable failure);

	}

}
