package dev.realtime.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The frames waiting for one connection, and the one writer that drains them. Producers {@link #offer} frames from
 * any thread and return at once; whichever producer finds the queue idle becomes its writer, and writes everything
 * queued in one go to the {@link Sink} for as long as the sink takes data without waiting. When the sink is not
 * ready the writer returns, and the sink's next {@link #resume()} (the container's "write possible" callback, a new
 * poll) carries on. No thread ever waits for the peer.
 * <p>
 * The queue is bounded in bytes: an offer past the bound is refused and the queue {@linkplain #abort() aborted}, so a
 * peer that stops reading costs its own queue and nothing else.
 *
 * @param <T> the frame type
 */
public final class OutboundQueue<T> {

	/** Where the queue's frames go: the container's connection, or a held poll. */
	public interface Sink<T> {

		/**
		 * Whether a write now is taken without waiting. A sink that answers false calls {@link #resume()} once it is
		 * ready again.
		 */
		boolean isReady();

		/** Writes frames that are queued together, in order, with as few container writes as it can. */
		void write(List<T> frames) throws IOException;

		/** Ends the connection once everything queued before {@link #closeAfterQueued()} was written. */
		void close();

		/** A write failed; the queue is aborted. */
		void failed(IOException ex);

	}

	private enum State {

		/** Nobody writes; the next offer makes its producer the writer. */
		IDLE,
		/** A writer drains the queue now. */
		WRITING,
		/** The sink was not ready; its resume carries on. */
		WAITING,
		/** Everything was written and the sink closed, or the queue was aborted. */
		DONE

	}

	private final long maxBytes;

	private final ToIntFunction<? super T> size;

	private final Sink<T> sink;

	private List<T> frames = new ArrayList<>(4);

	private long queuedBytes;

	private State state = State.IDLE;

	private boolean resumed;

	private boolean closing;

	/**
	 * @param maxBytes the most that may wait for the peer
	 * @param size the bytes one frame occupies
	 */
	public OutboundQueue(long maxBytes, ToIntFunction<? super T> size, Sink<T> sink) {
		this.maxBytes = maxBytes;
		this.size = size;
		this.sink = sink;
	}

	/**
	 * Queues frames, atomically and in order, and writes them if no writer is at work.
	 * @return false when nothing was queued: the queue is closing or done, or the frames would take it past its bound,
	 * in which case it is aborted
	 */
	public boolean offer(List<? extends T> offered) {
		synchronized (this) {
			if (this.closing || this.state == State.DONE) {
				return false;
			}
			long bytes = this.queuedBytes;
			for (T frame : offered) {
				bytes += this.size.applyAsInt(frame);
			}
			if (bytes > this.maxBytes) {
				abortLocked();
				return false;
			}
			this.frames.addAll(offered);
			this.queuedBytes = bytes;
			if (this.state != State.IDLE) {
				return true;
			}
			this.state = State.WRITING;
		}
		drain();
		return true;
	}

	/** The sink can take data again: the writer that waited for it carries on. */
	public void resume() {
		synchronized (this) {
			if (this.state == State.WRITING) {
				// the writer is between its readiness check and its decision to wait: it must look again
				this.resumed = true;
				return;
			}
			if (this.state != State.WAITING) {
				return;
			}
			this.state = State.WRITING;
		}
		drain();
	}

	/** Refuses further frames and closes the sink once the queued ones are written. */
	public void closeAfterQueued() {
		synchronized (this) {
			if (this.closing || this.state == State.DONE) {
				return;
			}
			this.closing = true;
			if (this.state != State.IDLE) {
				return;
			}
			this.state = State.WRITING;
		}
		drain();
	}

	/**
	 * Ends the queue and returns what was still queued, for the caller to send elsewhere (over the transport that an
	 * upgrade moves to, or with a last packet).
	 */
	public synchronized List<T> handOver() {
		List<T> queued = this.frames;
		abortLocked();
		return queued;
	}

	/** Drops what is queued and writes nothing more; the caller closes the connection itself. */
	public synchronized void abort() {
		abortLocked();
	}

	/** Bytes queued and not yet handed to the sink. */
	public synchronized long queuedBytes() {
		return this.queuedBytes;
	}

	/** Whether frames are queued or being handed to the sink, or the sink has not taken the last ones yet. */
	public synchronized boolean isBusy() {
		return this.state != State.IDLE || !this.frames.isEmpty();
	}

	private void abortLocked() {
		this.state = State.DONE;
		this.closing = true;
		this.frames = List.of();
		this.queuedBytes = 0;
	}

	private void drain() {
		while (true) {
			if (!this.sink.isReady()) {
				synchronized (this) {
					if (this.state != State.WRITING) {
						return;
					}
					if (!this.resumed) {
						this.state = State.WAITING;
						return;
					}
					this.resumed = false;
				}
				continue;
			}
			List<T> batch;
			synchronized (this) {
				if (this.state != State.WRITING) {
					return;
				}
				if (this.frames.isEmpty()) {
					this.state = this.closing ? State.DONE : State.IDLE;
					if (!this.closing) {
						return;
					}
					batch = null;
				}
				else {
					batch = this.frames;
					this.frames = new ArrayList<>(4);
					this.queuedBytes = 0;
				}
			}
			if (batch == null) {
				this.sink.close();
				return;
			}
			try {
				this.sink.write(batch);
			}
			catch (IOException ex) {
				abort();
				this.sink.failed(ex);
				return;
			}
		}
	}

}
