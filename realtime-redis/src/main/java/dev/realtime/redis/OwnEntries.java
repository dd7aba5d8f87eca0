package dev.realtime.redis;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * This node's broadcasts on their way through the stream. Each is delivered to this node's sockets when the stream
 * gives it back, in the stream's order with the other nodes' broadcasts, so that the offset a client holds says
 * exactly what it has received. The publishing thread sends one XADD at a time; the reading thread may read the
 * entry before that thread has the XADD's answer, and then waits for it.
 */
final class OwnEntries {

	private final Map<String, Consumer<String>> written = new HashMap<>();

	private boolean writing;

	/** An XADD of a broadcast goes out. */
	synchronized void writing() {
		this.writing = true;
	}

	/**
	 * The XADD's answer.
	 * @param id the entry's id, or null when the XADD failed or timed out (the broadcast was delivered here at once)
	 * @param delivery delivers the broadcast to this node's sockets, given the entry's id
	 */
	synchronized void written(@Nullable String id, Consumer<String> delivery) {
		if (id != null) {
			this.written.put(id, delivery);
		}
		this.writing = false;
		notifyAll();
	}

	/**
	 * The delivery of an entry of this node's, or null when its XADD was given up: Redis took it after its
	 * deadline, and the broadcast was delivered here then.
	 * @param maxWaitNanos how long an XADD may still be waiting for its answer
	 */
	synchronized @Nullable Consumer<String> take(String id, long maxWaitNanos) throws InterruptedException {
		long deadline = System.nanoTime() + maxWaitNanos;
		long remaining = maxWaitNanos;
		while (!this.written.containsKey(id) && this.writing && remaining > 0) {
			TimeUnit.NANOSECONDS.timedWait(this, remaining);
			remaining = deadline - System.nanoTime();
		}
		return this.written.remove(id);
	}

	synchronized void clear() {
		this.written.clear();
	}

}
