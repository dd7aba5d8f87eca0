package dev.realtime.adapter;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Who a broadcast reaches: the sockets in any of {@code rooms} (every socket when empty), less the sockets in any
 * of {@code except}. A socket is always in the room named by its own id.
 *
 * @param rooms the rooms to reach, or empty for the whole namespace
 * @param except the rooms whose sockets are left out
 * @param local whether the broadcast stays on this node
 * @param sender the id of the socket on whose behalf it is sent, for outbound middleware; null for the server
 * @param isVolatile whether a recipient that cannot take the packet at once goes without it (Socket.IO's
 *        {@code volatile} flag)
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, boolean local, @Nullable String sender,
		boolean isVolatile) {

	public static final BroadcastOptions ALL = new BroadcastOptions(Set.of(), Set.of(), false);

	public BroadcastOptions(Set<String> rooms, Set<String> except, boolean local) {
		this(rooms, except, local, null);
	}

	public BroadcastOptions(Set<String> rooms, Set<String> except, boolean local, @Nullable String sender) {
		this(rooms, except, local, sender, false);
	}

}
