package dev.realtime.adapter;

import java.util.Set;

/**
 * Who a broadcast reaches: the sockets in any of {@code rooms} (every socket when empty), less the sockets in any
 * of {@code except}. A socket is always in the room named by its own id.
 *
 * @param rooms the rooms to reach, or empty for the whole namespace
 * @param except the rooms whose sockets are left out
 * @param local whether the broadcast stays on this node
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, boolean local) {

	public static final BroadcastOptions ALL = new BroadcastOptions(Set.of(), Set.of(), false);

}
