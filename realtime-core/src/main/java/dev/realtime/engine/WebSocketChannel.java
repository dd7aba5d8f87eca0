package dev.realtime.engine;

import java.util.List;

/**
 * The outbound side of one WebSocket, as {@link WebSocketTransport} uses it: sends never wait for the client, and a
 * client whose unsent output passes the bound is refused further frames.
 */
interface WebSocketChannel {

	/**
	 * Queues frames, atomically and in order, and returns without waiting for the client. Frames sent once the
	 * channel is closing are dropped.
	 * @return false when the frames would take its unsent output past the bound
	 */
	boolean send(List<? extends EngineFrame> frames);

	/** Whether frames still wait for the client. */
	boolean isBusy();

	/** Bytes of frames that wait for the client. */
	long queuedBytes();

	/** Ends the WebSocket after the frames queued so far; the transport is not told. */
	void close();

	/** Ends the WebSocket now, dropping what is queued; the transport is not told. */
	void abort();

	/**
	 * Ends the WebSocket after the frames queued so far, without waiting for the client to answer the close frame,
	 * for a server that stops; the transport is not told.
	 */
	default void shutdown() {
		close();
	}

}
