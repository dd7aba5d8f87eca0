package dev.realtime.web;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.middleware.HandshakeContext;
import dev.realtime.middleware.HandshakeMiddleware;
import dev.realtime.middleware.HandshakeRejectedException;
import dev.realtime.middleware.MiddlewareChain;
import dev.realtime.middleware.Verdict;
import dev.realtime.server.RealtimeException;

/**
 * Runs the HANDSHAKE middleware on an HTTP request of the endpoint. A decision made at once costs nothing more; a
 * later one holds the request asynchronously and dispatches it again once decided. A refused request is answered
 * like Engine.IO's own refusals: HTTP 403 (or the status of a {@link HandshakeRejectedException}) with
 * {@code {"code":4,"message":...}}.
 */
public final class HandshakeLine {

	/** No HANDSHAKE middleware: every request goes on. */
	public static final HandshakeLine NONE = new HandshakeLine(() -> null);

	private static final Logger logger = LoggerFactory.getLogger(HandshakeLine.class);

	private static final String ADMITTED = HandshakeLine.class.getName() + ".admitted";

	private static final JsonMapper mapper = new JsonMapper();

	private final Supplier<MiddlewareChain<HandshakeMiddleware, HandshakeContext>> chain;

	public HandshakeLine(Supplier<MiddlewareChain<HandshakeMiddleware, HandshakeContext>> chain) {
		this.chain = chain;
	}

	/** Whether the request may go on now; otherwise it was refused or will be dispatched again once decided. */
	boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
		MiddlewareChain<HandshakeMiddleware, HandshakeContext> middleware = this.chain.get();
		if (middleware == null || middleware.isEmpty() || request.getAttribute(ADMITTED) != null) {
			return true;
		}
		CompletableFuture<Verdict> verdict = middleware.run(new HandshakeContext(request), Runnable::run);
		if (verdict.isDone()) {
			return admitted(verdict.join(), response);
		}
		AsyncContext async = request.startAsync();
		async.setTimeout(0);
		verdict.thenAccept((decided) -> {
			try {
				if (decided.proceeds()) {
					request.setAttribute(ADMITTED, Boolean.TRUE);
					async.dispatch();
				}
				else {
					refuse(decided, (HttpServletResponse) async.getResponse());
					async.complete();
				}
			}
			catch (IOException | RuntimeException ex) {
				logger.debug("Could not answer a held handshake request", ex);
				async.complete();
			}
		});
		return false;
	}

	private static boolean admitted(Verdict verdict, HttpServletResponse response) throws IOException {
		if (verdict.proceeds()) {
			return true;
		}
		refuse(verdict, response);
		return false;
	}

	private static void refuse(Verdict verdict, HttpServletResponse response) throws IOException {
		int status = (verdict.error() instanceof HandshakeRejectedException rejected) ? rejected.getStatus() : 403;
		String message = "Forbidden";
		if (verdict.kind() == Verdict.Kind.REJECT && !(verdict.error() instanceof RealtimeException)) {
			logger.error("Handshake middleware failed", verdict.error());
		}
		else {
			if (verdict.kind() == Verdict.Kind.REJECT) {
				message = verdict.error().getMessage();
			}
			logger.debug("Handshake middleware refused a request with {}: {}", status, message);
		}
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.getWriter().write(mapper.writeValueAsString(Map.of("code", 4, "message", message)));
	}

}
