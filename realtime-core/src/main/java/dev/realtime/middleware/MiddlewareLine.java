package dev.realtime.middleware;

/** The lines of the pipeline, each with its middleware type. */
public enum MiddlewareLine {

	HANDSHAKE, CONNECT, EVENT, SUBSCRIBE, PUBLISH_IN, PUBLISH_OUT, EMIT_OUT

}
