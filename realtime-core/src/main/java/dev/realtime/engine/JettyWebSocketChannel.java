package dev.realtime.engine;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket on Jetty's own implementation, which does not deliver an upgraded connection's input through the
 * Servlet API. Jetty's asynchronous sends never wait for the client and join queued frames into one write; this
 * channel counts the bytes they have not written yet, to cut a client that stops reading at the bound.
 */
final class JettyWebSocketChannel implements WebSocketChannel {

	private static final Logger logger = LoggerFactory.getLogger(JettyWebSocketChannel.class);

	private final Session session;

	private final long maxBufferedBytes;

	private final AtomicLong unsentBytes = new AtomicLong();

	private volatile boolean closing;

	JettyWebSocketChannel(Session session, long maxBufferedBytes) {
		this.session = session;
		this.maxBufferedBytes = maxBufferedBytes;
	}

	@Override
	public boolean send(List<? extends EngineFrame> frames) {
		if (this.closing) {
			return true;
		}
		long bytes = 0;
		for (EngineFrame frame : frames) {
			bytes += frame.size();
		}
		if (this.unsentBytes.addAndGet(bytes) > this.maxBufferedBytes) {
			return false;
		}
		for (EngineFrame frame : frames) {
			int size = frame.size();
			Callback written = Callback.from(() -> this.unsentBytes.addAndGet(-size),
					(ex) -> logger.debug("WebSocket send failed", ex));
			if (frame instanceof EngineMessage message && message.isBinary()) {
				this.session.sendBinary(ByteBuffer.wrap(message.data()), written);
			}
			else {
				this.session.sendText(frame.pollingFrame(), written);
			}
		}
		return true;
	}

	@Override
	public boolean isBusy() {
		return this.unsentBytes.get() > 0;
	}

	@Override
	public void close() {
		this.closing = true;
		this.session.close(1000, null, Callback.NOOP);
	}

	@Override
	public void abort() {
		this.closing = true;
		this.session.disconnect();
	}

}
