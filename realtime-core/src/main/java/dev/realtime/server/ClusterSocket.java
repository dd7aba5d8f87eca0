package dev.realtime.server;

import java.util.Map;
import java.util.Set;

import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.adapter.SocketDetails;

/** A socket connected to another node, acted on through the adapter. */
final class ClusterSocket implements RemoteSocket {

	private final SocketDetails details;

	private final BroadcastOperator self;

	ClusterSocket(Namespace namespace, SocketDetails details) {
		this.details = details;
		this.self = new BroadcastOperator(namespace, new BroadcastOptions(Set.of(details.id()), Set.of(), false));
	}

	@Override
	public String id() {
		return this.details.id();
	}

	@Override
	public Handshake handshake() {
		return HandshakeDetails.fromDetails(this.details.handshake());
	}

	@Override
	public Set<String> rooms() {
		return this.details.rooms();
	}

	@Override
	public Map<String, Object> attributes() {
		return this.details.data();
	}

	@Override
	public void emit(String event, Object... args) {
		this.self.emit(event, args);
	}

	@Override
	public void join(String... rooms) {
		this.self.socketsJoin(rooms);
	}

	@Override
	public void leave(String room) {
		this.self.socketsLeave(room);
	}

	@Override
	public void disconnect(boolean close) {
		this.self.disconnectSockets(close);
	}

}
