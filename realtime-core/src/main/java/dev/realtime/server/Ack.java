package dev.realtime.server;

import org.jspecify.annotations.Nullable;

/**
 * The acknowledgement a client asked for with an event. Answering twice, or when no ack was asked for, does
 * nothing.
 */
public interface Ack {

	/** Whether the client asked for an acknowledgement. */
	boolean isRequested();

	/** Sends the acknowledgement with these arguments; {@code send(null)} answers with one {@code null}. */
	void send(Object @Nullable ... args);

	/** The acknowledgement of an action that asked for none. */
	Ack NONE = new Ack() {

		@Override
		public boolean isRequested() {
			return false;
		}

		@Override
		public void send(Object @Nullable ... args) {
		}

	};

}
