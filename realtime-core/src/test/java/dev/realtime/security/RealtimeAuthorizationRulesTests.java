package dev.realtime.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.util.LinkedMultiValueMap;

import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.SocketContext;
import dev.realtime.middleware.SubscribeContext;
import dev.realtime.server.Handshake;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** How rules match actions: first match decides, patterns per kind of name, unmatched actions denied. */
class RealtimeAuthorizationRulesTests {

	private static final Authentication ALICE = UsernamePasswordAuthenticationToken.authenticated("alice", null,
			AuthorityUtils.createAuthorityList("ROLE_USER"));

	private final RealtimeAuthorizationRules rules = RealtimeAuthorizationRules.builder()
		.namespace("/admin/**")
		.hasRole("ADMIN")
		.event("chat:*")
		.authenticated()
		.event("chat:shout")
		.denyAll()
		.subscribe("user.{id}")
		.matchesPrincipalName("id")
		.build();

	private final RealtimeSocket socket = socket("/admin/tools");

	@Test
	void namespacePatternsArePaths() {
		assertThat(granted(null, new ConnectContext(this.socket, new CompletableFuture<>()))).isFalse();
		assertThat(granted(ALICE, new ConnectContext(socket("/chat"), new CompletableFuture<>()))).isFalse();
	}

	@Test
	void firstMatchingRuleDecides() {
		assertThat(granted(ALICE, event("chat:shout"))).isTrue();
		assertThat(granted(null, event("chat:message"))).isFalse();
	}

	@Test
	void eventAndChannelPatternsStopAtDots() {
		assertThat(granted(ALICE, event("chat:room.message"))).isFalse();
		assertThat(granted(ALICE, new SubscribeContext(this.socket, "user.alice"))).isTrue();
		assertThat(granted(ALICE, new SubscribeContext(this.socket, "user.bob"))).isFalse();
		assertThat(granted(ALICE, new SubscribeContext(this.socket, "user.alice.private"))).isFalse();
	}

	@Test
	void actionsNoRuleMatchesAreDenied() {
		assertThat(granted(ALICE, event("other"))).isFalse();
		assertThat(RealtimeAuthorizationRules.builder()
			.anyMessage()
			.permitAll()
			.build()
			.authorize(() -> null, event("other"))
			.isGranted()).isTrue();
	}

	private boolean granted(Authentication authentication, SocketContext action) {
		return this.rules.authorize(() -> authentication, action).isGranted();
	}

	private EventContext event(String name) {
		return new EventContext(this.socket, name, List.of(), false);
	}

	private static RealtimeSocket socket(String namespaceName) {
		Namespace namespace = mock(Namespace.class);
		given(namespace.name()).willReturn(namespaceName);
		RealtimeSocket socket = mock(RealtimeSocket.class);
		given(socket.namespace()).willReturn(namespace);
		given(socket.handshake()).willReturn(new Handshake(new HttpHeaders(), new LinkedMultiValueMap<>(), Map.of(),
				"127.0.0.1", Instant.now(), "/socket.io/", false, false, null, Map.of()));
		return socket;
	}

}
