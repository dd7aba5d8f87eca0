package dev.realtime.server;

import java.util.List;

/** Sees every event of a socket, before the handlers of that event's name (Socket.IO's {@code onAny}). */
@FunctionalInterface
public interface AnyEventHandler {

	void onEvent(RealtimeSocket socket, String event, List<Object> args, Ack ack) throws Exception;

}
