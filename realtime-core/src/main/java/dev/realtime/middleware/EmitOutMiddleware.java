package dev.realtime.middleware;

/**
 * The EMIT_OUT line: once per recipient of an event the server sends (SocketCluster's {@code OUTBOUND}). A
 * rejection or block skips that recipient only. When none is registered, emits cost nothing extra.
 */
@FunctionalInterface
public interface EmitOutMiddleware extends RealtimeMiddleware {

	void onEmitOut(EmitOutContext context, Next next) throws Exception;

}
