package dev.realtime.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.realtime.server.DisconnectReason;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeSocket;
import dev.realtime.server.ServerObserver;

/**
 * What the UI's development mode shows as it happens: sockets that connect, move to WebSocket and disconnect, rooms
 * joined and left, events received and sent, emitted to the admin namespace (on every node of a cluster). Events of
 * the admin namespace itself are left out, or each report would report itself.
 */
final class SocketEvents implements ServerObserver {

	private final Namespace admin;

	SocketEvents(Namespace admin) {
		this.admin = admin;
	}

	/** The time as the UI parses it, as JavaScript's {@code Date} serializes. */
	static String now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
	}

	@Override
	public void socketConnected(RealtimeSocket socket) {
		SocketView.remember(socket);
		this.admin.emit("socket_connected", SocketView.of(socket, socket.namespace().name()), now());
	}

	@Override
	public void socketUpgraded(RealtimeSocket socket) {
		SocketView.remember(socket);
		this.admin.emit("socket_updated",
				Map.of("id", socket.id(), "nsp", socket.namespace().name(), "transport", socket.transport()));
	}

	@Override
	public void socketDisconnected(RealtimeSocket socket, DisconnectReason reason) {
		this.admin.emit("socket_disconnected", socket.namespace().name(), socket.id(), reason.reason(), now());
	}

	@Override
	public void roomJoined(Namespace namespace, String socketId, String room) {
		this.admin.emit("room_joined", namespace.name(), room, socketId, now());
	}

	@Override
	public void roomLeft(Namespace namespace, String socketId, String room) {
		this.admin.emit("room_left", namespace.name(), room, socketId, now());
	}

	@Override
	public void eventReceived(RealtimeSocket socket, String event, List<?> args) {
		report("event_received", socket, event, args);
	}

	@Override
	public void eventSent(RealtimeSocket socket, String event, List<?> args) {
		report("event_sent", socket, event, args);
	}

	private void report(String report, RealtimeSocket socket, String event, List<?> args) {
		if (socket.namespace() != this.admin) {
			List<Object> eventAndArgs = new ArrayList<>(args.size() + 1);
			eventAndArgs.add(event);
			eventAndArgs.addAll(args);
			this.admin.emit(report, socket.namespace().name(), socket.id(), eventAndArgs, now());
		}
	}

}
