package dev.realtime.middleware;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import dev.realtime.middleware.RateLimitMiddleware.Limit;
import dev.realtime.server.DisconnectHandler;
import dev.realtime.server.DisconnectReason;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class RateLimitMiddlewareTests {

	private final AtomicLong clock = new AtomicLong();

	private final RateLimitMiddleware middleware = new RateLimitMiddleware(new Limit(1, 4), new Limit(2, 1),
			this.clock::get);

	private final RealtimeSocket socket = socket("s1", null);

	@Test
	void rejectsAnEventOverTheLimitWithRetryAfterAndCode() throws Exception {
		assertThat(event(this.socket).proceeds()).isTrue();
		this.clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
		Verdict refused = event(this.socket);
		assertThat(refused.kind()).isEqualTo(Verdict.Kind.REJECT);
		assertThat(((RealtimeException) refused.error()).toClientError()).isEqualTo(
				Map.of("message", "Rate limit exceeded", "data", Map.of("retryAfterMs", 150L), "code", "RATE_LIMITED"));
	}

	@Test
	void limitsPublishesApartFromEvents() throws Exception {
		assertThat(event(this.socket).proceeds()).isTrue();
		assertThat(publish(this.socket).proceeds()).isTrue();
		assertThat(publish(this.socket).proceeds()).isTrue();
		assertThat(publish(this.socket).proceeds()).isFalse();
	}

	@Test
	void limitsAPrincipalOverItsSockets() throws Exception {
		Principal ann = () -> "ann";
		assertThat(event(socket("s2", ann)).proceeds()).isTrue();
		assertThat(event(socket("s3", ann)).proceeds()).isFalse();
	}

	@Test
	void dropsTheBucketsOfASocketThatDisconnected() throws Exception {
		event(this.socket);
		assertThat(event(this.socket).proceeds()).isFalse();
		ArgumentCaptor<DisconnectHandler> handler = ArgumentCaptor.forClass(DisconnectHandler.class);
		verify(this.socket).onDisconnect(handler.capture());
		handler.getValue().onDisconnect(this.socket, DisconnectReason.TRANSPORT_CLOSE);
		assertThat(event(this.socket).proceeds()).isTrue();
		verify(this.socket, times(2)).onDisconnect(any());
	}

	@Test
	void letsActionsOfASocketThatLeftThrough() throws Exception {
		given(this.socket.isConnected()).willReturn(false);
		assertThat(event(this.socket).proceeds()).isTrue();
		assertThat(event(this.socket).proceeds()).isTrue();
		verify(this.socket, times(0)).onDisconnect(any());
	}

	private Verdict event(RealtimeSocket from) throws Exception {
		RecordingNext next = new RecordingNext();
		this.middleware.onEvent(new EventContext(from, "chat", List.of("hi"), true), next);
		return next.verdict();
	}

	private Verdict publish(RealtimeSocket from) throws Exception {
		RecordingNext next = new RecordingNext();
		this.middleware.onPublishIn(new PublishInContext(from, "news", "hi"), next);
		return next.verdict();
	}

	private static RealtimeSocket socket(String id, Principal principal) {
		RealtimeSocket socket = mock(RealtimeSocket.class);
		given(socket.id()).willReturn(id);
		given(socket.principal()).willReturn(principal);
		given(socket.isConnected()).willReturn(true);
		return socket;
	}

}
