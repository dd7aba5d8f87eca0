package dev.realtime.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.realtime.engine.EngineListener;
import dev.realtime.engine.EngineMessage;
import dev.realtime.engine.EngineSession;
import org.jspecify.annotations.Nullable;

/**
 * Echoes every message back and records what happened, e.g. {@code open:<sid>}, {@code close:<sid>:ping timeout}.
 * Also records callbacks that ran on a container thread or overlapped, which must never happen.
 */
class RecordingListener implements EngineListener {

	final List<String> events = new CopyOnWriteArrayList<>();

	final List<String> violations = new CopyOnWriteArrayList<>();

	private final java.util.Set<String> busy = java.util.concurrent.ConcurrentHashMap.newKeySet();

	@Override
	public void onOpen(EngineSession session) {
		record(session, "open:" + session.id());
	}

	@Override
	public void onMessage(EngineSession session, String text) {
		record(session, "message:" + session.id() + ":" + text);
		session.send(EngineMessage.text(text));
	}

	@Override
	public void onMessage(EngineSession session, byte[] data) {
		record(session, "binary:" + session.id() + ":" + data.length);
		session.send(EngineMessage.binary(data));
	}

	@Override
	public void onClose(EngineSession session, String reason, @Nullable Throwable cause) {
		record(session, "close:" + session.id() + ":" + reason);
	}

	private void record(EngineSession session, String event) {
		String thread = Thread.currentThread().getName();
		if (thread.startsWith("http-nio") || thread.startsWith("Tomcat")) {
			this.violations.add(event + " on " + thread);
		}
		if (!this.busy.add(session.id())) {
			this.violations.add(event + " overlapped");
		}
		this.events.add(event);
		this.busy.remove(session.id());
	}

	boolean has(String event) {
		return this.events.contains(event);
	}

	long count(String prefix) {
		return this.events.stream().filter((event) -> event.startsWith(prefix)).count();
	}

}
