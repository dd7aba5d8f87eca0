package dev.realtime.engine;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.Assert;

/**
 * What carries a session's packets: HTTP long-polling or a WebSocket. {@link #send} and {@link #close} are called
 * with the session's lock held.
 */
abstract class EngineTransport {

	private static final Logger logger = LoggerFactory.getLogger(EngineTransport.class);

	private DefaultEngineSession session;

	final void attach(DefaultEngineSession session) {
		this.session = session;
	}

	final DefaultEngineSession session() {
		Assert.state(this.session != null, "Transport not attached to a session");
		return this.session;
	}

	/**
	 * The client does not take its output: its unsent output passed the bound. The session ends alone, with reason
	 * "transport error", and the log says why.
	 */
	final void closeTooSlow(long maxBufferedBytes) {
		DefaultEngineSession session = session();
		if (session.isOpen()) {
			logger.warn("Closing session {} ({}): the client does not read, and its unsent output passed "
					+ "realtime.max-buffered-bytes ({} bytes)", session.id(), name(), maxBufferedBytes);
			session.onTransportClosed(this, "transport error",
					new IllegalStateException("Client too slow: unsent output past " + maxBufferedBytes + " bytes"));
		}
	}

	/** {@value EngineOptions#POLLING} or {@value EngineOptions#WEBSOCKET}. */
	abstract String name();

	/** Whether a packet sent now reaches the client without waiting for the client to ask. */
	abstract boolean isWritable();

	/** Whether nothing waits for the client, so that a packet sent now leaves at once. */
	abstract boolean isIdle();

	abstract void send(List<? extends EngineFrame> frames);

	/** Bytes of frames that wait for the client. */
	abstract long queuedBytes();

	/**
	 * Releases the transport, writing what can still be written.
	 * @param closePacket whether to end with a close packet, telling the client the server closed the session
	 */
	abstract void close(boolean closePacket);

	/** Releases the transport of a server that stops: a close packet, and nothing waited for after it. */
	void shutdown() {
		close(true);
	}

}
