package dev.realtime.middleware;

import dev.realtime.server.RealtimeException;

/** What answers an acknowledgement of an action that a middleware blocked silently. */
public class BlockedException extends RealtimeException {

	public BlockedException() {
		super("Blocked");
		with("blocked", true);
	}

}
