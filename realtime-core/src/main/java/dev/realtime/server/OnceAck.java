package dev.realtime.server;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

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
	public void send(Object @Nullable ... args) {
		if (this.sent.compareAndSet(false, true)) {
			// send(null) passes no array but one null answer
			this.answer.accept((args != null) ? Arrays.asList(args) : Collections.singletonList(null));
		}
	}

}
