package dev.realtime.engine;

import org.springframework.web.socket.WebSocketMessage;

/**
 * One outbound Engine.IO packet, encoded for each transport at most once.
 */
interface EngineFrame {

	/** The packet as an item of a polling payload. */
	String pollingFrame();

	/** The packet as a WebSocket frame. */
	WebSocketMessage<?> webSocketMessage();

	/** Bytes the packet occupies in an output buffer, for flow control. */
	int size();

}
