package dev.realtime.server;

/** Runs when a socket has connected to a namespace. */
@FunctionalInterface
public interface ConnectHandler {

	void onConnect(RealtimeSocket socket) throws Exception;

}
