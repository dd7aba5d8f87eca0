package dev.realtime.adapter;

import java.util.List;

/**
 * A session found again, with the packets its socket missed.
 *
 * @param session what was kept of the socket
 * @param missedPackets the data of each missed EVENT (name, arguments, offset), in the order they were sent
 */
public record RestoredSession(RecoverableSession session, List<List<Object>> missedPackets) {

}
