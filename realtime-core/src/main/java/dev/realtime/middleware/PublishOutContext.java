package dev.realtime.middleware;

import org.jspecify.annotations.Nullable;

import dev.realtime.server.RealtimeSocket;

/**
 * A publication about to reach one subscriber, the {@link #socket() socket} of this context. The data may be
 * replaced for this subscriber alone.
 */
public final class PublishOutContext extends SocketContext {

	private final String channel;

	private final @Nullable String publisherId;

	private @Nullable Object data;

	public PublishOutContext(RealtimeSocket subscriber, String channel, @Nullable Object data,
			@Nullable String publisherId) {
		super(subscriber);
		this.channel = channel;
		this.data = data;
		this.publisherId = publisherId;
	}

	public String channel() {
		return this.channel;
	}

	public @Nullable Object data() {
		return this.data;
	}

	public void setData(@Nullable Object data) {
		this.data = data;
	}

	/** The id of the socket that published, or null when the server did. */
	public @Nullable String publisherId() {
		return this.publisherId;
	}

}
