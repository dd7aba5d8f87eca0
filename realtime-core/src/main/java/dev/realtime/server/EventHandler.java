package dev.realtime.server;

import java.util.List;

/**
 * Handles one named event from a client. Arguments arrive as plain Java values (Map, List, String, Integer, Long,
 * Double, Boolean, null, and {@code byte[]} for binary).
 */
@FunctionalInterface
public interface EventHandler {

	void onEvent(RealtimeSocket socket, List<Object> args, Ack ack) throws Exception;

}
