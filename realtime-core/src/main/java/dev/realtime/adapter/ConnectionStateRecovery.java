package dev.realtime.adapter;

import java.time.Duration;

/**
 * Settings of connection state recovery (Socket.IO 4.6+): a socket whose connection ended for a recoverable reason
 * is kept, and a client that reconnects in time gets its id, rooms, attributes and missed packets back.
 *
 * @param maxDisconnectionDuration how long a session and the packets it could miss are kept
 * @param skipMiddlewares whether a recovered socket skips the CONNECT middleware (except authentication)
 * @param maxStoredPackets how many packets a namespace keeps at most; the oldest go first
 */
public record ConnectionStateRecovery(Duration maxDisconnectionDuration, boolean skipMiddlewares,
		int maxStoredPackets) {

}
