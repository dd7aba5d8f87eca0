package dev.realtime.adapter;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What connection state recovery keeps of a socket whose connection ended: Socket.IO's session.
 *
 * @param sid the socket's id, which the recovered socket keeps
 * @param pid the private id the client shows to recover it
 * @param rooms the rooms the socket was in, its own included
 * @param data the socket's attributes
 * @param connectedAt when the socket connected: a client that has received no packet yet missed all those since
 */
public record RecoverableSession(String sid, String pid, Set<String> rooms, Map<String, Object> data,
		Instant connectedAt) {

}
