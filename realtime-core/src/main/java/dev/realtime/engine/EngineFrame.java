package dev.realtime.engine;

/**
 * One outbound Engine.IO packet, encoded for each transport at most once.
 */
interface EngineFrame {

	/** The packet as an item of a polling payload. */
	String pollingFrame();

	/** The packet as an encoded WebSocket frame; the same bytes for every recipient, never to be changed. */
	byte[] webSocketFrame();

	/** The same for a WebSocket that negotiated compression. */
	default byte[] compressedWebSocketFrame() {
		return webSocketFrame();
	}

	/** Bytes the packet occupies in a polling output buffer, for flow control. */
	int size();

}
