package dev.realtime.middleware;

import org.jspecify.annotations.Nullable;

import dev.realtime.server.RealtimeSocket;

/**
 * A publication about to reach one subscriber, the {@link #socket() socket} of this context. The data may be
 * replaced for this subscriber alone.
 */
public final class PublishOutContext extends PublicationContext {

	private final @Nullable String publisherId;

	public PublishOutContext(RealtimeSocket subscriber, String channel, @Nullable Object data,
			@Nullable String publisherId) {
		super(subscriber, channel, data);
		this.publisherId = publisherId;
	}

	/** The id of the socket that published, or null when the server did. */
	public @Nullable String publisherId() {
		return this.publisherId;
	}

}
