package dev.realtime.benchmarks.servers.realtime;

import org.springframework.stereotype.Component;

import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.EmitOutMiddleware;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;

/**
 * The handlers of the reference server ({@code node/server.js}): two CONNECT middlewares that let every socket
 * through, {@code ping} answered with its argument, {@code join} of a room, and {@code fanout} sent to the
 * {@code fanout} room. The namespace {@value RealtimeBenchmarkApplication#EMIT_OUT_NAMESPACE} has the same handlers plus one EMIT_OUT
 * middleware, which the reference server has no counterpart for.
 */
@Component
class BenchmarkHandlers {

	private static final ConnectMiddleware LET_THROUGH = (context, next) -> next.proceed();

	BenchmarkHandlers(RealtimeServer server) {
		server.use(LET_THROUGH);
		server.use(LET_THROUGH);
		handle(server.namespace("/"));
		Namespace emitOut = server.namespace(RealtimeBenchmarkApplication.EMIT_OUT_NAMESPACE);
		emitOut.use((EmitOutMiddleware) (context, next) -> next.proceed());
		handle(emitOut);
	}

	private static void handle(Namespace namespace) {
		namespace.on("ping", (socket, args, ack) -> ack.send(args.get(0)));
		namespace.on("join", (socket, args, ack) -> {
			socket.join((String) args.get(0));
			ack.send();
		});
		namespace.on("fanout", (socket, args, ack) -> namespace.to("fanout").emit("tick", args.get(0)));
	}

}
