package dev.realtime.seeds;

import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.realtime.annotation.NamespaceScope;
import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.EventMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.middleware.PublishInContext;
import dev.realtime.middleware.PublishInMiddleware;
import dev.realtime.middleware.PublishOutContext;
import dev.realtime.middleware.PublishOutMiddleware;
import dev.realtime.middleware.SubscribeContext;
import dev.realtime.middleware.SubscribeMiddleware;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeServer;

/**
 * The collaboration server's {@code server.use('connect' | 'message')} examples, registered programmatically as that
 * server does, and SocketCluster's middleware lines as one bean.
 */
@TestConfiguration(proxyBeanMethods = false)
class CollaborationAndClusterSeedExamples {

	@Bean
	Namespace collaboration(RealtimeServer server, SeedTrace trace) {
		Namespace collab = server.namespace("/seeds-collab");
		// batch registration: one object, both lines
		collab.use(new BatchMiddleware(trace));
		collab.use((ConnectMiddleware) (context, next) -> step(trace, "collab Middleware2", next));
		collab.use((ConnectMiddleware) (context, next) -> step(trace, "collab Middleware3", next));
		collab.use((EventMiddleware) (context, next) -> {
			trace.add("collab message Middleware2");
			if ("stop".equals(((Map<?, ?>) context.args().get(0)).get("text"))) {
				// short-circuit: the hook does not run
				next.block();
			}
			else {
				next.proceed();
			}
		});
		collab.onConnect((socket) -> trace.add("collab Hook"));
		collab.on("message", (socket, args, ack) -> {
			trace.add("collab message Hook");
			ack.send("received");
		});

		Namespace failing = server.namespace("/seeds-collab-error");
		failing.use((ConnectMiddleware) (context, next) -> step(trace, "collab-error Middleware1", next));
		failing.use((ConnectMiddleware) (context, next) -> {
			trace.add("collab-error Middleware2");
			next.reject(new RealtimeException("test middleware error"));
		});
		failing.use((ConnectMiddleware) (context, next) -> step(trace, "collab-error Middleware3", next));
		failing.onConnect((socket) -> trace.add("collab-error Hook"));
		return collab;
	}

	private static void step(SeedTrace trace, String name, Next next) {
		trace.add(name);
		next.proceed();
	}

	@Bean
	@NamespaceScope("/seeds-sc")
	SocketClusterLines socketClusterLines() {
		return new SocketClusterLines();
	}

	/** {@code server.use({connect: ..., message: ...})}. */
	record BatchMiddleware(SeedTrace trace) implements ConnectMiddleware, EventMiddleware {

		@Override
		public void onConnect(ConnectContext context, Next next) {
			this.trace.add("collab Middleware1");
			next.proceed();
		}

		@Override
		public void onEvent(EventContext context, Next next) {
			this.trace.add("collab message Middleware1 " + context.args());
			next.proceed();
		}

	}

	/** SocketCluster's MIDDLEWARE_SUBSCRIBE, PUBLISH_IN, PUBLISH_OUT and EMIT examples in one bean. */
	static class SocketClusterLines
			implements SubscribeMiddleware, PublishInMiddleware, PublishOutMiddleware, EventMiddleware {

		@Override
		public void onSubscribe(SubscribeContext context, Next next) {
			if (context.channel().equals("private")) {
				next.reject(new RealtimeException(
						context.socket().id() + " cannot subscribe to channel " + context.channel()).with("code", 1234));
			}
			else if (context.channel().equals("hidden")) {
				next.block();
			}
			else {
				next.proceed();
			}
		}

		@Override
		public void onPublishIn(PublishInContext context, Next next) {
			if (context.channel().equals("readonly")) {
				next.reject(new RealtimeException(context.socket().id() + " cannot publish channel " + context.channel()));
			}
			else {
				next.proceed();
			}
		}

		@Override
		public void onPublishOut(PublishOutContext context, Next next) {
			// the publisher does not receive its own message
			if (context.socket().id().equals(context.publisherId())) {
				next.block();
			}
			else {
				next.proceed();
			}
		}

		@Override
		public void onEvent(EventContext context, Next next) {
			if (context.event().equals("shout")) {
				next.reject(new RealtimeException(
						context.socket().id() + " is not allowed to emit event " + context.event()));
			}
			else {
				next.proceed();
			}
		}

	}

}
