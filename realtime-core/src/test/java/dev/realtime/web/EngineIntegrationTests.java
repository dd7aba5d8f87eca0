package dev.realtime.web;

import dev.realtime.engine.EngineServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.realtime.support.EngineClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that run Engine.IO over a real servlet container and check it on the wire. All share one
 * application context ({@link EngineTestApplication}).
 */
@SpringBootTest(classes = EngineTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
abstract class EngineIntegrationTests {

	@LocalServerPort
	protected int port;

	@Autowired
	@Qualifier("main")
	protected EngineServer server;

	@Autowired
	@Qualifier("mainListener")
	protected RecordingListener listener;

	@Autowired
	@Qualifier("heartbeat")
	protected EngineServer heartbeatServer;

	@Autowired
	@Qualifier("heartbeatListener")
	protected RecordingListener heartbeatListener;

	protected EngineClient client;

	protected EngineClient heartbeatClient;

	@BeforeEach
	void clients() {
		this.client = new EngineClient(this.port, "/socket.io/");
		this.heartbeatClient = new EngineClient(this.port, "/heartbeat/");
	}

	@AfterEach
	void noListenerCallbackOnContainerThreadsOrOverlapping() {
		assertThat(this.listener.violations).isEmpty();
		assertThat(this.heartbeatListener.violations).isEmpty();
	}

}
