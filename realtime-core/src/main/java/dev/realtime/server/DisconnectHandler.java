package dev.realtime.server;

/** Runs when a socket has left a namespace. */
@FunctionalInterface
public interface DisconnectHandler {

	void onDisconnect(RealtimeSocket socket, DisconnectReason reason) throws Exception;

}
