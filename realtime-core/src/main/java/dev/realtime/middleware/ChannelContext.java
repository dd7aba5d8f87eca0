package dev.realtime.middleware;

import dev.realtime.server.RealtimeSocket;

/** What the channel lines see: the socket and the channel it acts on. */
public abstract class ChannelContext extends SocketContext {

	private final String channel;

	protected ChannelContext(RealtimeSocket socket, String channel) {
		super(socket);
		this.channel = channel;
	}

	public String channel() {
		return this.channel;
	}

}
