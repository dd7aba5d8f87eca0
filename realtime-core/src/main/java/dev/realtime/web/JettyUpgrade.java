package dev.realtime.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import dev.realtime.engine.EngineError;
import dev.realtime.engine.EngineQuery;
import dev.realtime.engine.EngineRequest;
import dev.realtime.engine.EngineServer;
import dev.realtime.engine.JettyWebSocketHandler;

/**
 * WebSocket upgrades on Jetty, through Spring's handshake and Jetty's own WebSocket implementation: Jetty's Servlet
 * upgrade reports the end of the upgrade request's (empty) body as the end of the connection's input.
 */
final class JettyUpgrade {

	private final EngineServer server;

	private final WebSocketHttpRequestHandler handshake;

	JettyUpgrade(EngineServer server, ServletContext context) {
		this.server = server;
		this.handshake = new WebSocketHttpRequestHandler(new JettyWebSocketHandler(server), new DefaultHandshakeHandler());
		this.handshake.setHandshakeInterceptors(List.of(new EngineRequestInterceptor()));
		this.handshake.setServletContext(context);
		this.handshake.start();
	}

	/** Whether the servlet runs on Jetty. */
	static boolean isJetty(ServletContext context) {
		return context.getServerInfo().toLowerCase().startsWith("jetty");
	}

	/**
	 * Hands a verified upgrade request to the handshake. One that opens a session counts against its address'
	 * limits from now on, until the session closes, or at once again when the handshake fails.
	 */
	void handle(HttpServletRequest request, HttpServletResponse response, EngineQuery query)
			throws ServletException, IOException {
		EngineRequest opening = null;
		if (query.sid() == null) {
			opening = EngineRequest.from(request, query.parameters());
			EngineError limited = this.server.admit(request, opening);
			if (limited != null) {
				limited.write(response);
				return;
			}
			request.setAttribute(JettyWebSocketHandler.REQUEST_ATTRIBUTE, opening);
		}
		boolean upgraded = false;
		try {
			this.handshake.handleRequest(
					this.server.options().perMessageDeflate() ? request
							// with the client's offer hidden, Jetty negotiates no compression
							: new HiddenHeaderRequest(request, WebSocketHttpHeaders.SEC_WEBSOCKET_EXTENSIONS),
					response);
			upgraded = response.getStatus() == HttpServletResponse.SC_SWITCHING_PROTOCOLS;
		}
		finally {
			if (opening != null && !upgraded) {
				this.server.abandon(opening);
			}
		}
	}

	void stop() {
		this.handshake.stop();
	}

	/** Carries the captured handshake request from the servlet request into the WebSocket session. */
	private static final class EngineRequestInterceptor implements HandshakeInterceptor {

		@Override
		public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
				WebSocketHandler handler, Map<String, Object> attributes) {
			if (request instanceof ServletServerHttpRequest servletRequest) {
				Object captured = servletRequest.getServletRequest()
					.getAttribute(JettyWebSocketHandler.REQUEST_ATTRIBUTE);
				if (captured != null) {
					attributes.put(JettyWebSocketHandler.REQUEST_ATTRIBUTE, captured);
				}
			}
			return true;
		}

		@Override
		public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
				@Nullable Exception exception) {
		}

	}

}
