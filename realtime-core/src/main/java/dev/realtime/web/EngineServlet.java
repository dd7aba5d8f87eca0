package dev.realtime.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.realtime.engine.EngineError;
import dev.realtime.engine.EngineOptions;
import dev.realtime.engine.EngineQuery;
import dev.realtime.engine.EngineServer;
import dev.realtime.websocket.WebSocketHandshake;

/**
 * Serves an {@link EngineServer} on the application's servlet container: WebSocket upgrades of the endpoint become
 * WebSockets of its own, on the container's non-blocking I/O (on Jetty, Jetty's own WebSockets); everything else is
 * HTTP long-polling. Register it at {@link #urlMapping} with async support.
 */
public class EngineServlet extends HttpServlet {

	private static final Logger logger = LoggerFactory.getLogger(EngineServlet.class);

	private final transient EngineServer server;

	private final transient HandshakeLine handshakeLine;

	private transient @Nullable JettyUpgrade jetty;

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
	public void init() {
		if (this.server.options().transports().contains(EngineOptions.WEBSOCKET)
				&& JettyUpgrade.isJetty(getServletContext())) {
			this.jetty = new JettyUpgrade(this.server, getServletContext());
		}
	}

	@Override
	public void destroy() {
		if (this.jetty != null) {
			this.jetty.stop();
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
		if (WebSocketHandshake.isUpgrade(request)
				&& this.server.options().transports().contains(EngineOptions.WEBSOCKET)) {
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
		if (this.jetty != null) {
			this.jetty.handle(request, response, query);
		}
		else {
			this.server.handleUpgrade(request, response, query);
		}
	}

}
