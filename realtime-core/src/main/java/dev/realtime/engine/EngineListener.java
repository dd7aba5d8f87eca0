package dev.realtime.engine;

import org.jspecify.annotations.Nullable;

/**
 * What the layer above Engine.IO (Socket.IO) hears from a session. Every callback of one session runs on that
 * session's {@link EngineSession#executor() serial executor}: in order, one at a time, never on a container I/O
 * thread.
 */
public interface EngineListener {

	/** The handshake completed; the session can send. */
	void onOpen(EngineSession session);

	/** A text "message" packet (Engine.IO type 4) arrived. */
	void onMessage(EngineSession session, String text);

	/** A binary "message" packet arrived. */
	void onMessage(EngineSession session, byte[] data);

	/** The session moved from long-polling to WebSocket. */
	default void onUpgrade(EngineSession session) {
	}

	/**
	 * A handshake was refused by a limit on its client address ({@link AddressLimits}), before any session existed;
	 * called on the container's thread.
	 * @param reason the refusal's message in lower case: "too many connections", "too many handshakes"
	 */
	default void onHandshakeRefused(String reason) {
	}

	/**
	 * The session closed. Called once.
	 * @param reason Engine.IO's own words: "transport close", "ping timeout", "transport error", "parse error",
	 * "forced close", "server shutting down"
	 */
	void onClose(EngineSession session, String reason, @Nullable Throwable cause);

}
