package dev.realtime.middleware;

import dev.realtime.server.RealtimeSocket;

/** A client asking to subscribe to a channel. */
public final class SubscribeContext extends ChannelContext {

	public SubscribeContext(RealtimeSocket socket, String channel) {
		super(socket, channel);
	}

}
