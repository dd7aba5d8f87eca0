package dev.realtime.engine;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Engine.IO settings.
 *
 * @param path where the endpoint is served, ending with '/', e.g. {@code /socket.io/}
 * @param pingInterval how often the server pings
 * @param pingTimeout how long the server waits for a pong before closing the session
 * @param maxPayload the largest HTTP POST body or WebSocket message accepted, in bytes
 * @param upgradeTimeout how long an upgrade from polling to WebSocket may take
 * @param transports the allowed transports: "polling", "websocket"
 * @param allowedOrigins origin patterns allowed to connect; empty means same origin only ("*" allows any)
 * @param maxBufferedBytes the unsent output a long-polling session may hold before the client is disconnected as too
 *        slow
 * @param perMessageDeflate whether WebSocket connections may negotiate compression (off by default, as in Socket.IO:
 *        each compressed connection holds a zlib stream of its own)
 */
public record EngineOptions(String path, Duration pingInterval, Duration pingTimeout, long maxPayload,
		Duration upgradeTimeout, Set<String> transports, List<String> allowedOrigins, long maxBufferedBytes,
		boolean perMessageDeflate) {

	public static final String POLLING = "polling";

	public static final String WEBSOCKET = "websocket";

	public static EngineOptions defaults() {
		return new EngineOptions("/socket.io/", Duration.ofSeconds(25), Duration.ofSeconds(20), 1_000_000,
				Duration.ofSeconds(10), Set.of(POLLING, WEBSOCKET), List.of(), 16 * 1024 * 1024, false);
	}

}
