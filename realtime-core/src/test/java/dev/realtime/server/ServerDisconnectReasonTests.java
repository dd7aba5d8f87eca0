package dev.realtime.server;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.adapter.InMemoryAdapter;
import dev.realtime.engine.EngineMessage;
import dev.realtime.engine.EngineRequest;
import dev.realtime.engine.EngineSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client answers the server's DISCONNECT by closing its connection, and that close can reach the server before the
 * socket's own close has run. The reason the server gave must still be the one its handlers see.
 */
class ServerDisconnectReasonTests {

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	private RealtimeServer server;

	private final List<DisconnectReason> reasons = new ArrayList<>();

	@BeforeEach
	void startServer() {
		this.scheduler.initialize();
		this.server = new RealtimeServer(JsonMapper.builder().build(), InMemoryAdapter::new, this.scheduler,
				ServerOptions.defaults());
		this.server.namespace("/").onDisconnect((socket, reason) -> this.reasons.add(reason));
	}

	@AfterEach
	void stopScheduler() {
		this.scheduler.shutdown();
	}

	@ParameterizedTest
	@CsvSource({ "false, SERVER_NAMESPACE_DISCONNECT", "true, FORCED_SERVER_CLOSE" })
	void keepsTheServerReasonWhenTheClientClosesFirst(boolean close, DisconnectReason expected) {
		ClosingClient session = connectedSession();
		onlySocket().disconnect(close);
		session.drain();
		assertThat(this.reasons).containsExactly(expected);
	}

	@Test
	void reportsATransportCloseTheServerDidNotCause() {
		ClosingClient session = connectedSession();
		session.closeTransport();
		session.drain();
		assertThat(this.reasons).containsExactly(DisconnectReason.TRANSPORT_CLOSE);
	}

	private ClosingClient connectedSession() {
		ClosingClient session = new ClosingClient();
		this.server.engineListener().onOpen(session);
		this.server.engineListener().onMessage(session, "0");
		session.drain();
		assertThat(session.sent).anySatisfy((packet) -> assertThat(packet).startsWith("0{\"sid\""));
		return session;
	}

	private RealtimeSocket onlySocket() {
		return this.server.namespace("/").sockets().iterator().next();
	}

	/**
	 * An Engine.IO session whose client closes the connection the moment a DISCONNECT is sent to it, and whose
	 * serial executor runs only when the test drains it.
	 */
	private final class ClosingClient implements EngineSession {

		private final Queue<Runnable> queue = new ArrayDeque<>();

		private final List<String> sent = new ArrayList<>();

		private boolean open = true;

		@Override
		public String id() {
			return "session";
		}

		@Override
		public EngineRequest request() {
			return new EngineRequest(new HttpHeaders(), new LinkedMultiValueMap<>(), null, "http://localhost/", false,
					null, Instant.now(), Map.of());
		}

		@Override
		public String transport() {
			return "websocket";
		}

		@Override
		public boolean isOpen() {
			return this.open;
		}

		@Override
		public boolean isWritable() {
			return this.open;
		}

		@Override
		public long queuedBytes() {
			return 0;
		}

		@Override
		public synchronized void send(List<EngineMessage> messages) {
			messages.forEach((message) -> this.sent.add(message.text()));
			if (this.open && messages.get(0).text().startsWith("1")) {
				closeTransport();
			}
		}

		@Override
		public void close() {
			this.open = false;
		}

		@Override
		public Executor executor() {
			return this.queue::add;
		}

		void closeTransport() {
			this.open = false;
			this.queue.add(() -> ServerDisconnectReasonTests.this.server.engineListener().onClose(this,
					"transport close", null));
		}

		void drain() {
			for (Runnable task = this.queue.poll(); task != null; task = this.queue.poll()) {
				task.run();
			}
		}

	}

}
