package dev.realtime.server;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The acknowledgement another node asked for with a server-side emit: answered at most once. */
final class ServerSideAck implements Ack {

	private final Consumer<List<Object>> answer;

	private final AtomicBoolean sent = new AtomicBoolean();

	ServerSideAck(Consumer<List<Object>> answer) {
		this.answer = answer;
	}

	@Override
	public boolean isRequested() {
		return true;
	}

	@Override
	public void send(Object... args) {
		if (this.sent.compareAndSet(false, true)) {
			this.answer.accept(Arrays.asList(args));
		}
	}

}
