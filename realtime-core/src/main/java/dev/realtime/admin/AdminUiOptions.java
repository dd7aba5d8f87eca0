package dev.realtime.admin;

/**
 * How the server side of the Socket.IO Admin UI behaves.
 *
 * @param namespace the namespace the UI connects to ({@code /admin} in the UI's form)
 * @param readOnly whether the UI may only look: no emit, join, leave or disconnect
 * @param development whether the UI gets every socket, room and event (the UI's development mode), or only the
 * servers' statistics
 * @param serverId how this node is named in the UI's list of servers
 */
public record AdminUiOptions(String namespace, boolean readOnly, boolean development, String serverId) {

}
