package dev.realtime.redis;

import java.util.concurrent.TimeoutException;

/** Not every node answered a request of the cluster in time. */
public class ClusterRequestTimeoutException extends TimeoutException {

	public ClusterRequestTimeoutException(String message) {
		super(message);
	}

}
