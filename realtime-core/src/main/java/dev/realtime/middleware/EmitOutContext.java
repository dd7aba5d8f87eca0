package dev.realtime.middleware;

import java.util.List;

import dev.realtime.server.RealtimeSocket;

/**
 * An event the server sends, about to reach one recipient, the {@link #socket() socket} of this context. The
 * arguments may be replaced for this recipient alone.
 */
public final class EmitOutContext extends SocketContext {

	private final String event;

	private List<Object> args;

	public EmitOutContext(RealtimeSocket recipient, String event, List<Object> args) {
		super(recipient);
		this.event = event;
		this.args = args;
	}

	public String event() {
		return this.event;
	}

	public List<Object> args() {
		return this.args;
	}

	public void setArgs(List<Object> args) {
		this.args = args;
	}

}
