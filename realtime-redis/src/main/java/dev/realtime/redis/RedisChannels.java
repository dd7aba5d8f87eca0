package dev.realtime.redis;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The Redis channels of one namespace, named as the Node adapter names them, so nodes of both runtimes meet:
 * broadcasts on {@code prefix#nsp#} (or {@code prefix#nsp#room#} for a single room), requests on
 * {@code prefix-request#nsp#}, responses on {@code prefix-response#nsp#} (and {@code prefix-response#nsp#uid#}).
 */
record RedisChannels(String broadcast, String request, String response, String ownResponse) {

	static RedisChannels of(String prefix, String namespace, String uid) {
		String response = prefix + "-response#" + namespace + "#";
		return new RedisChannels(prefix + "#" + namespace + "#", prefix + "-request#" + namespace + "#", response,
				response + uid + "#");
	}

	/** Matches the broadcast channel and every room channel. */
	String broadcastPattern() {
		return this.broadcast + "*";
	}

	/** Where a broadcast to these rooms is published: a room's own channel when there is exactly one. */
	String broadcastTo(Set<String> rooms) {
		return (rooms.size() == 1) ? this.broadcast + rooms.iterator().next() + "#" : this.broadcast;
	}

	/** The room a broadcast channel names, empty for the whole namespace, or null for another channel. */
	@Nullable String roomOf(String channel) {
		if (!channel.startsWith(this.broadcast) || !channel.endsWith("#")) {
			return null;
		}
		return (channel.length() == this.broadcast.length()) ? ""
				: channel.substring(this.broadcast.length(), channel.length() - 1);
	}

}
