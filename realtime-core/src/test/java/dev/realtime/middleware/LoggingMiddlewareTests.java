package dev.realtime.middleware;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.realtime.server.DisconnectHandler;
import dev.realtime.server.DisconnectReason;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class LoggingMiddlewareTests {

	private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingMiddleware.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>() {

		@Override
		protected void append(ILoggingEvent event) {
			// captures the MDC as it is while the event is logged
			event.prepareForDeferredProcessing();
			super.append(event);
		}

	};

	private final RealtimeSocket socket = mock(RealtimeSocket.class);

	private final CompletableFuture<Verdict> outcome = new CompletableFuture<>();

	private final LoggingMiddleware middleware = new LoggingMiddleware();

	@BeforeEach
	void captureLogs() {
		Namespace namespace = mock(Namespace.class);
		given(namespace.name()).willReturn("/chat");
		given(this.socket.id()).willReturn("s1");
		given(this.socket.namespace()).willReturn(namespace);
		given(this.socket.principal()).willReturn(() -> "ann");
		this.logger.setLevel(Level.DEBUG);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void releaseLogs() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(null);
	}

	@Test
	void logsAConnectAndItsDisconnectWithTheSocketInTheMdc() throws Exception {
		assertThat(connect().proceeds()).isTrue();
		given(this.socket.isConnected()).willReturn(true);
		this.outcome.complete(Verdict.PROCEED);
		ArgumentCaptor<DisconnectHandler> handler = ArgumentCaptor.forClass(DisconnectHandler.class);
		verify(this.socket).onDisconnect(handler.capture());
		handler.getValue().onDisconnect(this.socket, DisconnectReason.TRANSPORT_CLOSE);

		assertThat(this.appender.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
			.containsExactly(tuple(Level.DEBUG, "Connect attempt to /chat"),
					tuple(Level.INFO, "Socket s1 connected to /chat"),
					tuple(Level.INFO, "Socket s1 disconnected from /chat: transport close"));
		assertThat(this.appender.list).allSatisfy((event) -> assertThat(event.getMDCPropertyMap()).isEqualTo(
				Map.of("realtime.socket", "s1", "realtime.namespace", "/chat", "realtime.principal", "ann")));
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void logsTheRejectionOfLaterMiddleware() throws Exception {
		assertThat(connect().proceeds()).isTrue();
		this.outcome.complete(Verdict.reject(new RealtimeException("Not allowed")));

		assertThat(this.appender.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("Connect attempt to /chat", "Connect to /chat rejected: Not allowed");
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void logsEventsAtDebug() throws Exception {
		assertThat(event().proceeds()).isTrue();
		this.logger.setLevel(Level.INFO);
		assertThat(event().proceeds()).isTrue();

		assertThat(this.appender.list).singleElement().satisfies((event) -> {
			assertThat(event.getFormattedMessage()).isEqualTo("Event \"chat\" with 2 argument(s), ack requested: true");
			assertThat(event.getMDCPropertyMap()).containsEntry("realtime.socket", "s1");
		});
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	private Verdict connect() throws Exception {
		RecordingNext next = new RecordingNext();
		this.middleware.onConnect(new ConnectContext(this.socket, this.outcome), next);
		return next.verdict();
	}

	private Verdict event() throws Exception {
		RecordingNext next = new RecordingNext();
		this.middleware.onEvent(new EventContext(this.socket, "chat", List.of("hi", 2), true), next);
		return next.verdict();
	}

}
