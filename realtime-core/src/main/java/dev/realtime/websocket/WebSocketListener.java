package dev.realtime.websocket;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link WebSocketConnection} tells the layer above. Called on the container's threads, never while the
 * connection holds a lock.
 */
public interface WebSocketListener {

	void onText(String text);

	void onBinary(byte[] data);

	/**
	 * The connection ended, once: {@code "transport close"} when the client closed it, {@code "transport error"}
	 * when it failed or the client broke the protocol.
	 */
	void onClosed(String reason, @Nullable Throwable cause);

}
