package dev.realtime.autoconfigure;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tomcat's per-connection socket buffers: shrunk from Tomcat's default, kept where the application chose a size.
 */
class TomcatSocketBuffersCustomizerTests {

	private final TomcatSocketBuffersCustomizer customizer = new TomcatSocketBuffersCustomizer();

	@Test
	void shrinksTomcatsDefaultBuffers() {
		Connector connector = new Connector();
		assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("8192");
		this.customizer.customize(connector);
		assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("4096");
		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("4096");
	}

	@Test
	void keepsASizeTheApplicationSet() {
		Connector connector = new Connector();
		connector.setProperty("socket.appReadBufSize", "65536");
		this.customizer.customize(connector);
		assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("65536");
		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("4096");
	}

}
