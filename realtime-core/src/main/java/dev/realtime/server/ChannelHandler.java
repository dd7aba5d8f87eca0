package dev.realtime.server;

import org.jspecify.annotations.Nullable;

/** Told of a client's subscription or publication once its middleware let it through. */
@FunctionalInterface
public interface ChannelHandler {

	/**
	 * @param data what was published; null for a subscription
	 */
	void on(RealtimeSocket socket, String channel, @Nullable Object data) throws Exception;

}
