package dev.realtime.middleware;

import dev.realtime.server.RealtimeSocket;

/** A client asking to subscribe to a channel. */
public final class SubscribeContext extends SocketContext {

	private final String channel;

	public SubscribeContext(RealtimeSocket socket, String channel) {
		super(socket);
		this.channel = channel;
	}

	public String channel() {
		return this.channel;
	}

}
