package dev.realtime.middleware;

import java.util.List;

import dev.realtime.server.RealtimeSocket;

/** An event on its way, inbound or outbound: its name and arguments, which a middleware may replace. */
public abstract class MessageContext extends SocketContext {

	private final String event;

	private List<Object> args;

	protected MessageContext(RealtimeSocket socket, String event, List<Object> args) {
		super(socket);
		this.event = event;
		this.args = args;
	}

	public String event() {
		return this.event;
	}

	/** The event's arguments, as the handlers or the recipient will receive them. */
	public List<Object> args() {
		return this.args;
	}

	public void setArgs(List<Object> args) {
		this.args = args;
	}

}
