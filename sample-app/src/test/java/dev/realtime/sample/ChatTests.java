package dev.realtime.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.realtime.sample.ChatPayloads.Message;
import dev.realtime.sample.ChatPayloads.Receipt;
import dev.realtime.sample.security.TokenService;
import dev.realtime.test.AutoConfigureRealtimeTestClient;
import dev.realtime.test.ConnectError;
import dev.realtime.test.RealtimeTestClient;
import dev.realtime.test.TestSocket;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRealtimeTestClient
class ChatTests {

	@Autowired
	private RealtimeTestClient client;

	@Autowired
	private TokenService tokens;

	@Test
	void aMessageReachesTheRoomAndIsAcknowledged() {
		TestSocket alice = this.client.connect("/chat", Map.of("token", this.tokens.issue("alice").value()));
		TestSocket bob = this.client.connect("/chat", Map.of("token", this.tokens.issue("bob").value()));
		assertThat(bob.await("welcome")).isEqualTo(Map.of("id", bob.id(), "nickname", "bob"));
		alice.emitWithAck("join", Map.of("room", "lobby"));
		bob.emitWithAck("join", Map.of("room", "lobby"));

		Receipt receipt = alice.emitWithAck(Receipt.class, "message", Map.of("room", "lobby", "text", "Hi"));

		Message message = bob.await("message", Message.class);
		assertThat(message.id()).isEqualTo(receipt.id());
		assertThat(message.from()).isEqualTo("alice");
		assertThat(message.text()).isEqualTo("Hi");
	}

	@Test
	void aSocketWithoutATokenIsRefused() {
		ConnectError error = this.client.connectError("/chat", Map.of());
		assertThat(error.message()).isEqualTo("Missing credentials");
	}

}
