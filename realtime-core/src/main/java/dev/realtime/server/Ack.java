package dev.realtime.server;

/**
 * The acknowledgement a client asked for with an event. Answering twice, or when no ack was asked for, does
 * nothing.
 */
public interface Ack {

	/** Whether the client asked for an acknowledgement. */
	boolean isRequested();

	/** Sends the acknowledgement with these arguments. */
	void send(Object... args);

}
