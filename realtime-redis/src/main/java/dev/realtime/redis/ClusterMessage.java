package dev.realtime.redis;

import java.util.Map;

/**
 * A message between the nodes of a Redis Streams cluster, as {@code socket.io-adapter}'s cluster adapter writes it:
 * the sending node, the namespace, the type, and what the type carries.
 */
record ClusterMessage(String uid, String nsp, MessageType type, Map<String, Object> data) {

	/** Whether this node sent it. */
	boolean isFrom(String nodeUid) {
		return this.uid.equals(nodeUid);
	}

}
