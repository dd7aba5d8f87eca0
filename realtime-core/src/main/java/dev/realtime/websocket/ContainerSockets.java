package dev.realtime.websocket;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import jakarta.servlet.ServletOutputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the socket under an upgraded connection at once. Closing an upgraded connection through the Servlet API
 * only marks its streams closed; Tomcat closes the socket on the connection's next I/O event, and a client that
 * neither reads nor writes never causes one. On Tomcat the socket is closed directly, as Tomcat's own WebSocket
 * implementation does; elsewhere the Servlet API's close is enough.
 */
final class ContainerSockets {

	private static final Logger logger = LoggerFactory.getLogger(ContainerSockets.class);

	private static final @Nullable Field TOMCAT_SOCKET = tomcat("org.apache.coyote.http11.upgrade.UpgradeServletOutputStream",
			(type) -> {
				Field socket = type.getDeclaredField("socketWrapper");
				socket.setAccessible(true);
				return socket;
			});

	private static final @Nullable Method TOMCAT_CLOSE = tomcat("org.apache.tomcat.util.net.SocketWrapperBase",
			(type) -> type.getMethod("close"));

	private ContainerSockets() {
	}

	static void close(@Nullable ServletOutputStream out) {
		if (TOMCAT_SOCKET == null || TOMCAT_CLOSE == null || !TOMCAT_SOCKET.getDeclaringClass().isInstance(out)) {
			return;
		}
		try {
			TOMCAT_CLOSE.invoke(TOMCAT_SOCKET.get(out));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Could not close the socket of an upgraded connection", ex);
		}
	}

	private static <T> @Nullable T tomcat(String className, Lookup<T> lookup) {
		try {
			return lookup.find(Class.forName(className, false, ContainerSockets.class.getClassLoader()));
		}
		catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
			return null;
		}
	}

	private interface Lookup<T> {

		T find(Class<?> type) throws ReflectiveOperationException;

	}

}
