package dev.realtime.websocket;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;

import dev.realtime.io.OutboundQueue;

/**
 * A server WebSocket on a connection upgraded through the Servlet API, read and written with the container's
 * non-blocking I/O. Frames to send are already encoded ({@link Frames}) and go through an {@link OutboundQueue}:
 * a sender never waits for the client, frames queued together leave in one container write, and a client that
 * stops reading is cut off once its queue passes the bound.
 * <p>
 * The container creates the instance; {@link WebSocketHandshake} configures it before the container calls
 * {@link #init}.
 */
public final class WebSocketConnection implements HttpUpgradeHandler {

	private static final Logger logger = LoggerFactory.getLogger(WebSocketConnection.class);

	// how long a client may take to answer the server's close frame before the connection is cut
	private static final Duration CLOSE_LINGER = Duration.ofSeconds(5);

	private static final ThreadLocal<byte[]> READ_BUFFER = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

	private final AtomicBoolean ended = new AtomicBoolean();

	private volatile boolean closeReceived;

	private volatile boolean lingering = true;

	private @Nullable WebSocketListener listener;

	private @Nullable FrameReader reader;

	private @Nullable OutboundQueue<byte[]> queue;

	private @Nullable TaskScheduler scheduler;

	private boolean compressed;

	private volatile @Nullable WebConnection connection;

	private volatile @Nullable ServletOutputStream out;

	/** For the container, which instantiates upgrade handlers itself. */
	public WebSocketConnection() {
	}

	void configure(WebSocketListener listener, long maxPayload, long maxBufferedBytes, TaskScheduler scheduler,
			boolean compressed) {
		this.listener = listener;
		this.compressed = compressed;
		this.reader = new FrameReader(maxPayload, new FrameHandler(), compressed);
		this.queue = new OutboundQueue<>(maxBufferedBytes, (frame) -> frame.length, new Output());
		this.scheduler = scheduler;
	}

	@Override
	public void init(WebConnection connection) {
		this.connection = connection;
		try {
			ServletInputStream in = connection.getInputStream();
			ServletOutputStream output = connection.getOutputStream();
			output.setWriteListener(new Writer());
			this.out = output;
			// a container may call the listener before the stream is assigned above: look again
			queue().resume();
			in.setReadListener(new Reader(in));
		}
		catch (IOException | RuntimeException ex) {
			fail(ex);
		}
	}

	@Override
	public void destroy() {
		end("transport close", null);
	}

	/**
	 * Queues encoded frames, atomically and in order, and returns without waiting for the client. Frames sent once
	 * the connection is closing are dropped.
	 * @return false when the frames would take its unsent output past the bound: the connection is then cut
	 */
	public boolean send(List<byte[]> frames) {
		if (queue().offer(frames) || this.ended.get()) {
			return true;
		}
		abort();
		return false;
	}

	/** Whether the connection negotiated {@link PerMessageDeflate}: its frames are made with the compressed forms. */
	public boolean isCompressed() {
		return this.compressed;
	}

	/** Whether frames wait for the client or for the container. */
	public boolean isBusy() {
		return queue().isBusy();
	}

	/** Bytes of frames queued and not yet handed to the container. */
	public long queuedBytes() {
		return queue().queuedBytes();
	}

	/** Sends a close frame after what is queued and ends the connection; the listener is not called. */
	public void close() {
		if (this.ended.compareAndSet(false, true)) {
			closeWith(CloseCodes.NORMAL, "");
		}
	}

	/**
	 * Cuts the connection once what is queued is written, with no close frame: a stopping server has no time to
	 * wait for the answer to one, and clients that stop reading at a close frame until they answer it themselves
	 * (OkHttp's, under the Java and Android clients) would not notice the cut until their ping timeout; without it
	 * every client sees the connection end and reconnects at once. The listener is not called.
	 */
	public void shutdown() {
		if (this.ended.compareAndSet(false, true)) {
			this.lingering = false;
			queue().closeAfterQueued();
		}
	}

	/** Ends the connection now, dropping what is queued; the listener is not called. */
	public void abort() {
		this.ended.set(true);
		queue().abort();
		cut();
	}

	private void closeWith(int code, String reason) {
		OutboundQueue<byte[]> queue = queue();
		queue.offer(List.of(Frames.close(code, reason)));
		queue.closeAfterQueued();
	}

	/** The connection failed or the client ended it: it is cut, and the listener hears it once. */
	private void end(String reason, @Nullable Throwable cause) {
		boolean first = this.ended.compareAndSet(false, true);
		queue().abort();
		cut();
		if (first) {
			this.listener.onClosed(reason, cause);
		}
	}

	private void fail(Throwable cause) {
		logger.debug("WebSocket failed", cause);
		end("transport error", cause);
	}

	/** Closes the connection itself; on Tomcat, the socket too, which closing the streams leaves to the next event. */
	private void cut() {
		WebConnection connection = this.connection;
		if (connection == null) {
			return;
		}
		ContainerSockets.close(this.out);
		try {
			connection.close();
		}
		catch (Exception ex) {
			logger.debug("Could not close a WebSocket connection", ex);
		}
	}

	private OutboundQueue<byte[]> queue() {
		return this.queue;
	}

	/** Writes what the queue hands over, without waiting. */
	private final class Output implements OutboundQueue.Sink<byte[]> {

		@Override
		public boolean isReady() {
			ServletOutputStream out = WebSocketConnection.this.out;
			return out != null && out.isReady();
		}

		@Override
		public void write(List<byte[]> frames) throws IOException {
			ServletOutputStream out = WebSocketConnection.this.out;
			if (frames.size() == 1) {
				out.write(frames.get(0));
			}
			else {
				out.write(join(frames));
			}
			// the container takes a write and buffers what the socket does not take; a flush sends it on
			if (out.isReady()) {
				out.flush();
			}
		}

		@Override
		public void close() {
			if (WebSocketConnection.this.closeReceived || !WebSocketConnection.this.lingering) {
				cut();
			}
			else {
				// the client answers the close frame, and its answer ends the connection; one that does not is cut
				try {
					WebSocketConnection.this.scheduler.schedule(WebSocketConnection.this::cut,
							Instant.now().plus(CLOSE_LINGER));
				}
				catch (RejectedExecutionException ex) {
					// the application is shutting down: no time to wait for the answer
					cut();
				}
			}
		}

		@Override
		public void failed(IOException ex) {
			fail(ex);
		}

		private static byte[] join(List<byte[]> frames) {
			int length = 0;
			for (byte[] frame : frames) {
				length += frame.length;
			}
			byte[] joined = new byte[length];
			int position = 0;
			for (byte[] frame : frames) {
				System.arraycopy(frame, 0, joined, position, frame.length);
				position += frame.length;
			}
			return joined;
		}

	}

	/** The container may take more output. */
	private final class Writer implements WriteListener {

		@Override
		public void onWritePossible() {
			queue().resume();
		}

		@Override
		public void onError(Throwable ex) {
			fail(ex);
		}

	}

	/** Reads what the container has, as long as it has it. */
	private final class Reader implements ReadListener {

		private final ServletInputStream in;

		Reader(ServletInputStream in) {
			this.in = in;
		}

		@Override
		public void onDataAvailable() throws IOException {
			byte[] buffer = READ_BUFFER.get();
			while (this.in.isReady()) {
				int count = this.in.read(buffer);
				if (count < 0) {
					end("transport close", null);
					return;
				}
				try {
					WebSocketConnection.this.reader.read(buffer, 0, count);
				}
				catch (WebSocketProtocolException ex) {
					refuse(ex);
					return;
				}
			}
		}

		@Override
		public void onAllDataRead() {
			end("transport close", null);
		}

		@Override
		public void onError(Throwable ex) {
			fail(ex);
		}

		/** The client broke the protocol: tell it why, and end the connection. */
		private void refuse(WebSocketProtocolException ex) {
			logger.debug("Closing a WebSocket whose client broke the protocol: {}", ex.getMessage());
			if (WebSocketConnection.this.ended.compareAndSet(false, true)) {
				closeWith(ex.closeCode(), ex.getMessage());
				WebSocketConnection.this.listener.onClosed("transport error", ex);
			}
		}

	}

	/** Control frames are answered here; messages go to the listener until the connection ends. */
	private final class FrameHandler implements FrameReader.Handler {

		@Override
		public void onText(String text) {
			if (!WebSocketConnection.this.ended.get()) {
				WebSocketConnection.this.listener.onText(text);
			}
		}

		@Override
		public void onBinary(byte[] data) {
			if (!WebSocketConnection.this.ended.get()) {
				WebSocketConnection.this.listener.onBinary(data);
			}
		}

		@Override
		public void onPing(byte[] data) {
			queue().offer(List.of(Frames.pong(data)));
		}

		@Override
		public void onClose(int code) {
			WebSocketConnection.this.closeReceived = true;
			if (WebSocketConnection.this.ended.compareAndSet(false, true)) {
				// the answer echoes the client's code; the connection is cut once it is written
				closeWith((code == CloseCodes.NO_STATUS) ? CloseCodes.NORMAL : code, "");
				WebSocketConnection.this.listener.onClosed("transport close", null);
			}
			else {
				// the answer to the server's own close
				cut();
			}
		}

	}

}
