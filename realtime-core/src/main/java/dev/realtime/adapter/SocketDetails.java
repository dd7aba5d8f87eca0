package dev.realtime.adapter;

import java.util.Map;
import java.util.Set;

/**
 * A socket as another node sees it (Socket.IO's {@code RemoteSocket} data).
 *
 * @param id the socket id
 * @param rooms the rooms it is in
 * @param handshake its handshake as JSON-ready values
 * @param data what the application shared of it
 */
public record SocketDetails(String id, Set<String> rooms, Map<String, Object> handshake, Map<String, Object> data) {

}
