package dev.realtime.server;

/**
 * Handles one named event whose first argument is converted to {@code T} with the application's JSON mapper.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface PayloadHandler<T> {

	void onEvent(RealtimeSocket socket, T payload, Ack ack) throws Exception;

}
