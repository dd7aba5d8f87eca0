package dev.realtime.middleware;

import org.jspecify.annotations.Nullable;

import dev.realtime.server.RealtimeSocket;

/** A client publishing to a channel, before the broker. The data may be replaced, and ack data given. */
public final class PublishInContext extends PublicationContext {

	private @Nullable Object ackData;

	public PublishInContext(RealtimeSocket socket, String channel, @Nullable Object data) {
		super(socket, channel, data);
	}

	/** What the publisher's acknowledgement carries when the publication goes through. */
	public @Nullable Object ackData() {
		return this.ackData;
	}

	public void setAckData(@Nullable Object ackData) {
		this.ackData = ackData;
	}

}
