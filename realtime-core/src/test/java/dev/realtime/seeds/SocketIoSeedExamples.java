package dev.realtime.seeds;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import dev.realtime.annotation.NamespaceScope;
import dev.realtime.annotation.OnConnect;
import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.HandshakeMiddleware;
import dev.realtime.middleware.HandshakeRejectedException;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeSocket;

/** Socket.IO's middleware examples (io.use, io.engine.use), as beans of this starter. */
@TestConfiguration(proxyBeanMethods = false)
class SocketIoSeedExamples {

	@Bean
	SeedTrace seedTrace() {
		return new SeedTrace();
	}

	// io.use((socket, next) => { if (isValid(socket.request)) next(); else next(new Error("invalid")); })
	@Bean
	@NamespaceScope("/seeds-valid")
	ConnectMiddleware isValid() {
		return (context, next) -> {
			if ("yes".equals(context.handshake().query().getFirst("valid"))) {
				next.proceed();
			}
			else {
				next.reject(new RealtimeException("invalid"));
			}
		};
	}

	// three middlewares in order; the second fails, so the third is not executed
	@Bean
	@Order(1)
	@NamespaceScope("/seeds-chain")
	ConnectMiddleware first(SeedTrace trace) {
		return (context, next) -> {
			trace.add("chain first");
			next.proceed();
		};
	}

	@Bean
	@Order(2)
	@NamespaceScope("/seeds-chain")
	ConnectMiddleware second(SeedTrace trace) {
		return (context, next) -> {
			trace.add("chain second");
			next.reject(new RealtimeException("thou shall not pass"));
		};
	}

	@Bean
	@Order(3)
	@NamespaceScope("/seeds-chain")
	ConnectMiddleware third(SeedTrace trace) {
		return (context, next) -> {
			trace.add("chain third");
			next.proceed();
		};
	}

	// next is called after the client disconnected: neither "connection" nor "disconnect" is triggered
	@Bean
	@NamespaceScope("/seeds-slow")
	ConnectMiddleware slow(SeedTrace trace) {
		return (context, next) -> {
			context.socket().onDisconnect((socket, reason) -> trace.add("slow disconnect"));
			CompletableFuture.delayedExecutor(1000, TimeUnit.MILLISECONDS).execute(next::proceed);
		};
	}

	// const token = socket.handshake.auth.token;
	@Bean
	@NamespaceScope("/seeds-auth")
	ConnectMiddleware token() {
		return (context, next) -> {
			context.attributes().put("token", context.auth().get("token"));
			next.proceed();
		};
	}

	// const err = new Error("not authorized"); err.data = { content: "Please retry later" }; next(err);
	@Bean
	@NamespaceScope("/seeds-data")
	ConnectMiddleware notAuthorized() {
		return (context, next) -> next
			.reject(new RealtimeException("not authorized", Map.of("content", "Please retry later")));
	}

	// io.engine.use((req, res, next) => { /* do something */ next(); }): every HTTP request, the upgrade too
	@Bean
	HandshakeMiddleware everyRequest(SeedTrace trace) {
		return (context, next) -> {
			if ("engine".equals(context.request().getParameter("seed"))) {
				trace.add("engine " + context.transport() + (context.isHandshake() ? " handshake" : ""));
			}
			next.proceed();
		};
	}

	// the passport-jwt example: only the handshake request (no sid) is authenticated
	@Bean
	HandshakeMiddleware jwtOnHandshake() {
		return HandshakeMiddleware.firstRequestOnly((context, next) -> {
			boolean seed = "engine".equals(context.request().getParameter("seed"));
			if (!seed || "jwt".equals(context.request().getParameter("token"))) {
				next.proceed();
			}
			else {
				next.reject(new HandshakeRejectedException(401, "Unauthorized"));
			}
		});
	}

	@RealtimeController("/seeds-slow")
	static class SlowController {

		private final SeedTrace trace;

		SlowController(SeedTrace trace) {
			this.trace = trace;
		}

		@OnConnect
		void connection(RealtimeSocket socket) {
			this.trace.add("slow connection");
		}

	}

	@RealtimeController("/seeds-auth")
	static class TokenController {

		@OnEvent("token")
		Object token(RealtimeSocket socket) {
			return socket.attribute("token");
		}

	}

	@Bean
	SlowController slowController(SeedTrace trace) {
		return new SlowController(trace);
	}

	@Bean
	TokenController tokenController() {
		return new TokenController();
	}

}
