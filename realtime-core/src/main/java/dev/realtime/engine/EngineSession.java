package dev.realtime.engine;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * One Engine.IO connection (a "socket" in Engine.IO's words), whatever transport carries it now.
 */
public interface EngineSession {

	/** The Engine.IO session id ({@code sid}). */
	String id();

	/** What the first request of this session carried. */
	EngineRequest request();

	/** {@code "polling"} or {@code "websocket"}. */
	String transport();

	boolean isOpen();

	/**
	 * Queues "message" packets to the client, atomically and in order (a Socket.IO text packet and its binary
	 * attachments travel together). Safe from any thread. Ignored once the session is closed. A client whose unsent
	 * output passes the configured bound is disconnected.
	 */
	void send(List<EngineMessage> messages);

	default void send(EngineMessage message) {
		send(List.of(message));
	}

	/**
	 * Whether a packet sent now leaves at once: nothing of this session waits for the client (for long-polling, a
	 * poll is waiting for data), and no upgrade is in progress.
	 */
	boolean isWritable();

	/** Bytes of output that wait for the client now. */
	long queuedBytes();

	/** Closes the session from the server side (reason "forced close"), after flushing what is queued. */
	void close();

	/** The serial executor on which this session's listener callbacks run; usable for work that must keep order. */
	Executor executor();

}
