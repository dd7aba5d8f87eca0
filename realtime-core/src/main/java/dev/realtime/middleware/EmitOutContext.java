package dev.realtime.middleware;

import java.util.List;

import dev.realtime.server.RealtimeSocket;

/**
 * An event the server sends, about to reach one recipient, the {@link #socket() socket} of this context. The
 * arguments may be replaced for this recipient alone.
 */
public final class EmitOutContext extends MessageContext {

	public EmitOutContext(RealtimeSocket recipient, String event, List<Object> args) {
		super(recipient, event, args);
	}

}
