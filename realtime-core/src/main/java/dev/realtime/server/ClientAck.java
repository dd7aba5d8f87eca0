package dev.realtime.server;

import java.util.concurrent.atomic.AtomicBoolean;

/** The acknowledgement a client asked for with an event: answered at most once. */
final class ClientAck implements Ack {

	static final Ack NONE = new Ack() {

		@Override
		public boolean isRequested() {
			return false;
		}

		@Override
		public void send(Object... args) {
		}

	};

	private final NamespaceSocket socket;

	private final long id;

	private final AtomicBoolean sent = new AtomicBoolean();

	ClientAck(NamespaceSocket socket, long id) {
		this.socket = socket;
		this.id = id;
	}

	@Override
	public boolean isRequested() {
		return true;
	}

	@Override
	public void send(Object... args) {
		if (this.sent.compareAndSet(false, true)) {
			this.socket.sendAck(this.id, args);
		}
	}

}
