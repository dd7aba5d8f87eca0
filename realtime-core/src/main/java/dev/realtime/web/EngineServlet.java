package dev.realtime.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.realtime.engine.EngineError;
import dev.realtime.engine.EngineOptions;
import dev.realtime.engine.EngineQuery;
import dev.realtime.engine.EngineRequest;
import dev.realtime.engine.EngineServer;
import dev.realtime.engine.EngineWebSocketHandler;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Serves an {@link EngineServer} on the application's servlet container: WebSocket upgrades go to Spring's
 * WebSocket handshake, everything else is HTTP long-polling. Register it at {@link #urlMapping} with async support.
 */
public class EngineServlet extends HttpServlet {

	private static final Logger logger = LoggerFactory.getLogger(EngineServlet.class);

	private final transient EngineServer server;

	private final transient HandshakeLine handshakeLine;

	private transient @Nullable WebSocketHttpRequestHandler webSocket;

	public EngineServlet(EngineServer server) {
		this(server, HandshakeLine.NONE);
	}

	/**
	 * @param handshakeLine the HANDSHAKE middleware, run on every request before Engine.IO sees it
	 */
	public EngineServlet(EngineServer server, HandshakeLine handshakeLine) {
		this.server = server;
		this.handshakeLine = handshakeLine;
	}

	/** The servlet mapping that covers the endpoint, e.g. {@code /socket.io/*}. */
	public static String urlMapping(EngineOptions options) {
		return options.path() + "*";
	}

	@Override
	public void init() throws ServletException {
		if (this.server.options().transports().contains(EngineOptions.WEBSOCKET)) {
			WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(this.server.webSocketHandler(),
					new DefaultHandshakeHandler());
			handler.setHandshakeInterceptors(List.of(new EngineRequestInterceptor()));
			handler.setServletContext(getServletContext());
			handler.start();
			this.webSocket = handler;
		}
	}

	@Override
	public void destroy() {
		if (this.webSocket != null) {
			this.webSocket.stop();
		}
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if (this.handshakeLine.admit(request, response)) {
			dispatch(request, response);
		}
	}

	private void dispatch(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if (this.webSocket != null && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
			EngineQuery query = EngineQuery.parse(request.getQueryString());
			if (EngineOptions.WEBSOCKET.equals(query.transport())) {
				upgrade(request, response, query);
				return;
			}
		}
		this.server.handleRequest(request, response);
	}

	private void upgrade(HttpServletRequest request, HttpServletResponse response, EngineQuery query)
			throws ServletException, IOException {
		EngineError error = this.server.verifyUpgrade(request, query);
		if (error != null) {
			error.write(response);
			return;
		}
		String problem = UpgradeRequestCheck.problem(request);
		if (problem != null) {
			logger.debug("Refused a malformed WebSocket upgrade: {}", problem);
			EngineError.BAD_REQUEST.write(response);
			return;
		}
		if (query.sid() == null) {
			request.setAttribute(EngineWebSocketHandler.REQUEST_ATTRIBUTE,
					EngineRequest.from(request, query.parameters()));
		}
		this.webSocket.handleRequest(
				this.server.options().perMessageDeflate() ? request : new UncompressedUpgradeRequest(request), response);
	}

	/** Carries the captured handshake request from the servlet request into the WebSocket session. */
	private static final class EngineRequestInterceptor implements HandshakeInterceptor {

		@Override
		public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
				WebSocketHandler handler, Map<String, Object> attributes) {
			if (request instanceof ServletServerHttpRequest servletRequest) {
				Object captured = servletRequest.getServletRequest().getAttribute(EngineWebSocketHandler.REQUEST_ATTRIBUTE);
				if (captured != null) {
					attributes.put(EngineWebSocketHandler.REQUEST_ATTRIBUTE, captured);
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
