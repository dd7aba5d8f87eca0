package dev.realtime.server;

import java.util.Set;

/** Event names that Socket.IO keeps for itself: neither side may emit them. */
final class ReservedEvents {

	private static final Set<String> NAMES = Set.of("connect", "connect_error", "disconnect", "disconnecting",
			"newListener", "removeListener");

	private ReservedEvents() {
	}

	static boolean contains(String event) {
		return NAMES.contains(event);
	}

}
