package dev.realtime.server;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** An acknowledgement that was asked for (by a client, or by another node): answered at most once. */
final class OnceAck implements Ack {

	private final Consumer<List<Object>> answer;

	private final AtomicBoolean sent = new AtomicBoolean();

	OnceAck(Consumer<List<Object>> answer) {
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
