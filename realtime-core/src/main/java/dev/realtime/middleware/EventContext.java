package dev.realtime.middleware;

import java.util.List;

import dev.realtime.server.RealtimeSocket;

/** An event from a client, before its handlers. Its arguments may be replaced. */
public final class EventContext extends MessageContext {

	private final boolean ackRequested;

	public EventContext(RealtimeSocket socket, String event, List<Object> args, boolean ackRequested) {
		super(socket, event, args);
		this.ackRequested = ackRequested;
	}

	/** Whether the client asked for an acknowledgement. */
	public boolean ackRequested() {
		return this.ackRequested;
	}

}
