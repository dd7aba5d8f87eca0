package dev.realtime.autoconfigure;

import java.util.Objects;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.core.Ordered;

/**
 * Shrinks the read and write buffers that Tomcat's connector gives every connection, from 8 KB each to
 * {@value #BUFFER_BYTES} bytes. Tomcat allocates both when it accepts a connection and keeps them while the
 * connection lives, so for realtime connections, idle most of the time, they are most of what an open connection
 * costs. The cost: a message larger than the buffer takes more than one read or write system call. A buffer the
 * application set to another size itself (another customizer, {@code server.tomcat.*}) is left as it is.
 */
final class TomcatSocketBuffersCustomizer implements TomcatConnectorCustomizer, Ordered {

	static final int BUFFER_BYTES = 4096;

	private static final String TOMCAT_DEFAULT = "8192";

	@Override
	public void customize(Connector connector) {
		shrink(connector, "socket.appReadBufSize");
		shrink(connector, "socket.appWriteBufSize");
	}

	private static void shrink(Connector connector, String property) {
		if (Objects.equals(String.valueOf(connector.getProperty(property)), TOMCAT_DEFAULT)) {
			connector.setProperty(property, String.valueOf(BUFFER_BYTES));
		}
	}

	/** After the application's own customizers, so that a size they set is seen and kept. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
