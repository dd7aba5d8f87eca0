package dev.realtime.adapter;

/**
 * The state of the link between this node and the rest of its cluster, for health checks and metrics.
 * @param connected whether broadcasts reach the other nodes now; a single node is always connected
 * @param failedPublications how many publications could not go out to the other nodes since the start
 */
public record AdapterStatus(boolean connected, long failedPublications) {

	/** A node on its own: nothing to reach, nothing that failed. */
	public static final AdapterStatus LOCAL = new AdapterStatus(true, 0);

}
