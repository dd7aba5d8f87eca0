package dev.realtime.middleware;

import java.util.List;

import dev.realtime.server.RealtimeSocket;

/** An event from a client, before its handlers. Its arguments may be replaced. */
public final class EventContext extends SocketContext {

	private final String event;

	private final boolean ackRequested;

	private List<Object> args;

	public EventContext(RealtimeSocket socket, String event, List<Object> args, boolean ackRequested) {
		super(socket);
		this.event = event;
		this.args = args;
		this.ackRequested = ackRequested;
	}

	public String event() {
		return this.event;
	}

	/** The event's arguments, as the handlers will receive them. */
	public List<Object> args() {
		return this.args;
	}

	public void setArgs(List<Object> args) {
		this.args = args;
	}

	/** Whether the client asked for an acknowledgement. */
	public boolean ackRequested() {
		return this.ackRequested;
	}

}
