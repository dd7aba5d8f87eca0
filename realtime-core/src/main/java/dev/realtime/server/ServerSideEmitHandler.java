package dev.realtime.server;

import java.util.List;

/**
 * Handles one named event that another node of the cluster sent with {@code serverSideEmit}. Arguments arrive as
 * plain Java values, as they crossed the cluster; the ack is requested when the sender used
 * {@code serverSideEmitWithAck}.
 */
@FunctionalInterface
public interface ServerSideEmitHandler {

	void onEvent(List<Object> args, Ack ack) throws Exception;

}
