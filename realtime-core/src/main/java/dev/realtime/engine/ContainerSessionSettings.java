package dev.realtime.engine;

import org.springframework.util.ClassUtils;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Settings of the container's own WebSocket session that Spring's API does not reach, made when an Engine.IO
 * WebSocket opens. Messages are taken in parts and joined up to the largest payload (see {@link MessageParts}), so:
 * <ul>
 * <li>Tomcat assembles text messages in a buffer of 8,192 chars (16 KB) per connection; it shrinks to 1,024 chars,
 * which only splits long messages into more parts, and Tomcat takes the new size with the next text message.</li>
 * <li>Jetty refuses messages and frames over 64 KB whatever the handler takes; its limits become the largest
 * payload, Engine.IO's own limit.</li>
 * </ul>
 */
final class ContainerSessionSettings {

	private static final int TOMCAT_TEXT_BUFFER_CHARS = 1024;

	private static final ClassLoader LOADER = ContainerSessionSettings.class.getClassLoader();

	private static final boolean TOMCAT = ClassUtils.isPresent("org.apache.tomcat.websocket.WsSession", LOADER);

	private static final boolean JETTY = ClassUtils.isPresent("org.eclipse.jetty.websocket.api.Session", LOADER);

	private ContainerSessionSettings() {
	}

	static void apply(WebSocketSession socket, long maxPayload) {
		if (socket instanceof NativeWebSocketSession adapter) {
			Object session = adapter.getNativeSession();
			if (TOMCAT) {
				Tomcat.apply(session);
			}
			if (JETTY) {
				Jetty.apply(session, maxPayload);
			}
		}
	}

	/** Touches Tomcat's classes only where they are present. */
	private static final class Tomcat {

		static void apply(Object session) {
			if (session instanceof org.apache.tomcat.websocket.WsSession tomcat) {
				tomcat.setMaxTextMessageBufferSize(TOMCAT_TEXT_BUFFER_CHARS);
			}
		}

	}

	/** Touches Jetty's classes only where they are present. */
	private static final class Jetty {

		static void apply(Object session, long maxPayload) {
			if (session instanceof org.eclipse.jetty.websocket.api.Session jetty) {
				jetty.setMaxTextMessageSize(maxPayload);
				jetty.setMaxBinaryMessageSize(maxPayload);
				jetty.setMaxFrameSize(maxPayload);
			}
		}

	}

}
