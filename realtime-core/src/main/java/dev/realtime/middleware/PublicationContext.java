package dev.realtime.middleware;

import org.jspecify.annotations.Nullable;

import dev.realtime.server.RealtimeSocket;

/** A publication on its way: its channel and data, which a middleware may replace. */
public abstract class PublicationContext extends ChannelContext {

	private @Nullable Object data;

	protected PublicationContext(RealtimeSocket socket, String channel, @Nullable Object data) {
		super(socket, channel);
		this.data = data;
	}

	/** What the subscribers will receive. */
	public @Nullable Object data() {
		return this.data;
	}

	public void setData(@Nullable Object data) {
		this.data = data;
	}

}
