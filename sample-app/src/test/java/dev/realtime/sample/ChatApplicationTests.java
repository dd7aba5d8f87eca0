package dev.realtime.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;

import dev.realtime.sample.ChatPayloads.Message;
import dev.realtime.sample.ChatPayloads.News;
import dev.realtime.sample.ChatPayloads.Receipt;
import dev.realtime.sample.ChatPayloads.RoomUsers;
import dev.realtime.sample.ChatPayloads.TypingNotice;
import dev.realtime.sample.ChatPayloads.Welcome;
import dev.realtime.sample.security.TokenService;
import dev.realtime.server.RealtimeServer;
import dev.realtime.test.AutoConfigureRealtimeTestClient;
import dev.realtime.test.RealtimeTestClient;
import dev.realtime.test.TestSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the chat with the test client (the Java Socket.IO client): two users in one room, the middleware and security
 * that guard the chat, the admin namespace, private channels and the news channel.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRealtimeTestClient
// the rate limiter keeps a bucket per user: each test starts with full ones
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
class ChatApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RealtimeTestClient client;

	@Autowired
	private RealtimeServer server;

	@Autowired
	private TokenService tokens;

	@Test
	void messagesReachTheOtherMembersOfTheRoomAndAreAcknowledged() {
		TestSocket alice = connect("alice");
		TestSocket bob = connect("bob");
		assertThat(join(alice, "lobby").users()).containsExactly("alice");
		assertThat(join(bob, "lobby").users()).containsExactly("alice", "bob");

		Receipt receipt = alice.emitWithAck(Receipt.class, "message", Map.of("room", "lobby", "text", "Hello, Bob"));
		assertThat(receipt.id()).isNotBlank();
		assertThat(receipt.timestamp()).isPositive();

		Message message = bob.await("message", Message.class);
		assertThat(message).isEqualTo(new Message(receipt.id(), "lobby", "alice", "Hello, Bob", receipt.timestamp()));
	}

	@Test
	void typingNoticesReachTheOthersButNotTheSender() {
		TestSocket alice = connect("alice");
		TestSocket bob = connect("bob");
		join(alice, "lobby");
		join(bob, "lobby");

		alice.emit("typing", Map.of("room", "lobby", "typing", true));
		assertThat(bob.await("typing", TypingNotice.class)).isEqualTo(new TypingNotice("lobby", "alice", true));

		// events of one socket are handled in order: an echo of the notice would arrive before this answer
		alice.emitWithAck("message", Map.of("room", "lobby", "text", "done typing"));
		assertThat(alice.arrived("typing")).isEmpty();
	}

	@Test
	void userListsFollowJoinsLeavesAndRenames() {
		TestSocket alice = connect("alice");
		TestSocket bob = connect("bob");
		join(alice, "lobby");
		assertThat(alice.await("users", RoomUsers.class).users()).containsExactly("alice");

		join(bob, "lobby");
		assertThat(alice.await("users", RoomUsers.class).users()).containsExactly("alice", "bob");

		assertThat(bob.emitWithAck("nickname", Map.of("nickname", "robert"))).isEqualTo(Map.of("nickname", "robert"));
		assertThat(alice.await("users", RoomUsers.class).users()).containsExactly("alice", "robert");

		bob.emitWithAck("leave", Map.of("room", "lobby"));
		assertThat(alice.await("users", RoomUsers.class).users()).containsExactly("alice");
	}

	@Test
	void messagesToARoomNotJoinedAreRejected() {
		TestSocket alice = connect("alice");
		assertThat(refusal(alice, "message", Map.of("room", "elsewhere", "text", "hello?")))
			.isEqualTo("Join the room \"elsewhere\" first");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void eventsWithoutTheirPayloadAreRefusedWithAClearMessage(CapturedOutput output) {
		TestSocket alice = connect("alice");
		assertThat(refusal(alice, "join", (Object) null)).isEqualTo("Expected a payload like {\"room\": \"lobby\"}");
		assertThat(refusal(alice, "leave")).isEqualTo("Expected a payload like {\"room\": \"lobby\"}");
		assertThat(refusal(alice, "leave", Map.of())).isEqualTo("Name the room: {\"room\": \"lobby\"}");
		assertThat(refusal(alice, "whisper")).startsWith("A whisper needs a recipient and a text");
		assertThat(refusal(alice, "whisper", Map.of("text", "psst"))).startsWith("A whisper needs a recipient and a text");
		assertThat(refusal(alice, "message", "just text")).isEqualTo("Invalid arguments");
		assertThat(join(alice, "lobby").users()).containsExactly("alice");
		assertThat(output).doesNotContain("NullPointerException").doesNotContain("\tat ");
	}

	@Test
	void loggingInOverHttpBasicIssuesAToken() throws Exception {
		HttpResponse<String> issued = login("alice", "alice");
		assertThat(issued.statusCode()).isEqualTo(200);
		assertThat(issued.body()).contains("\"username\":\"alice\"", "\"admin\":false", "\"token\":\"");
		assertThat(login("alice", "wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void connectingWithoutATokenIsRefused() {
		assertThat(this.client.connectError("/chat", Map.of("nickname", "mallory")).message())
			.isEqualTo("Missing credentials");
	}

	@Test
	void connectingWithAnUnknownTokenIsRefused() {
		assertThat(this.client.connectError("/chat", Map.of("token", "guessed")).message()).isEqualTo("Bad credentials");
	}

	@Test
	void onlyAdminsReachTheAdminNamespaceAndTheirAnnouncementsReachTheChat() {
		TestSocket alice = connect("alice");
		assertThat(this.client.connectError("/admin", Map.of("token", this.tokens.issue("alice").value())).message())
			.isEqualTo("Access denied");

		TestSocket admin = this.client.connect("/admin", Map.of("token", this.tokens.issue("admin").value()));
		assertThat(admin.emitWithAck(Integer.class, "announce", "maintenance at noon")).isGreaterThanOrEqualTo(1);
		assertThat(alice.await("announcement")).isEqualTo(Map.of("from", "admin", "text", "maintenance at noon"));
	}

	@Test
	void aPrivateChannelIsForItsOwnerAlone() {
		TestSocket alice = connect("alice");
		TestSocket bob = connect("bob");
		assertThat(refusal(alice, "#subscribe", "user.bob")).isEqualTo("Access denied");
		assertThat(bob.emitWithAckAsync("#subscribe", "user.bob").join()).isEmpty();

		Map<?, ?> delivery = (Map<?, ?>) alice.emitWithAck("whisper", Map.of("to", "bob", "text", "psst"));
		assertThat(delivery.get("online")).isEqualTo(true);
		assertThat(bob.await("#publish"))
			.isEqualTo(Map.of("channel", "user.bob", "data", Map.of("from", "alice", "text", "psst")));
	}

	@Test
	void messagesWithABlockedWordAreRefusedAndReachNobody() {
		TestSocket alice = connect("alice");
		TestSocket bob = connect("bob");
		join(alice, "lobby");
		join(bob, "lobby");

		Map<?, ?> refusal = (Map<?, ?>) alice.emitWithAck("message", Map.of("room", "lobby", "text", "Cheap SPAM here"));
		assertThat(refusal.get("message")).isEqualTo("Messages may not contain \"SPAM\"");
		assertThat(refusal.containsKey("id")).isFalse();

		// alice's messages are handled in order: the refused one would reach bob before this one
		alice.emitWithAck("message", Map.of("room", "lobby", "text", "Sorry"));
		assertThat(bob.await("message", Message.class).text()).isEqualTo("Sorry");
	}

	@Test
	void aBurstOfMessagesIsRateLimited() {
		TestSocket alice = connect("alice");
		join(alice, "lobby");
		List<CompletableFuture<List<Object>>> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(alice.emitWithAckAsync("message", Map.of("room", "lobby", "text", "message " + i)));
		}
		List<Map<?, ?>> refusals = new ArrayList<>();
		for (CompletableFuture<List<Object>> answer : answers) {
			Map<?, ?> receipt = (Map<?, ?>) answer.join().get(0);
			if (receipt.containsKey("message")) {
				refusals.add(receipt);
			}
		}
		assertThat(refusals).isNotEmpty().hasSizeLessThan(answers.size()).allSatisfy((refusal) -> {
			assertThat(refusal.get("message")).isEqualTo("Rate limit exceeded");
			assertThat(((Number) ((Map<?, ?>) refusal.get("data")).get("retryAfterMs")).longValue()).isPositive();
		});
	}

	@Test
	void subscribersReceiveTheNews() {
		TestSocket alice = connect("alice");
		assertThat(alice.emitWithAckAsync("#subscribe", NewsTicker.CHANNEL).join()).isEmpty();

		publishNews("Extra!");
		assertThat(headlinesUntil(alice, "Extra!")).endsWith("Extra!");
	}

	@Test
	void subscribersWhoMutedTheNewsAreSkipped() {
		TestSocket alice = connect("alice");
		alice.emitWithAck("#subscribe", NewsTicker.CHANNEL);
		assertThat(alice.emitWithAck("mute-news", Map.of("muted", true))).isEqualTo(Map.of("muted", true));

		publishNews("While muted");
		// a subscriber's deliveries and events are handled in order: the first news is decided before the unmute
		alice.emitWithAck("mute-news", Map.of("muted", false));
		publishNews("After unmuting");
		assertThat(headlinesUntil(alice, "After unmuting")).doesNotContain("While muted");
	}

	/** Connects a user of the sample with a token issued to it, as the page does after logging in. */
	private TestSocket connect(String user) {
		TestSocket socket = this.client.connect("/chat", Map.of("token", this.tokens.issue(user).value()));
		assertThat(socket.await("welcome", Welcome.class).nickname()).isEqualTo(user);
		return socket;
	}

	private static RoomUsers join(TestSocket socket, String room) {
		return socket.emitWithAck(RoomUsers.class, "join", Map.of("room", room));
	}

	/** The message of the error that answers an event. */
	private static String refusal(TestSocket socket, String event, Object... args) {
		return (String) ((Map<?, ?>) socket.emitWithAck(event, args)).get("message");
	}

	private HttpResponse<String> login(String user, String password) throws Exception {
		String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/token"))
			.header("Authorization", "Basic " + credentials)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private void publishNews(String headline) {
		this.server.namespace(ChatController.NAMESPACE)
			.channel(NewsTicker.CHANNEL)
			.publish(new News(headline, System.currentTimeMillis()));
	}

	/** The headlines delivered until the given one, which the scheduled ticker's lines may precede. */
	private static List<String> headlinesUntil(TestSocket socket, String last) {
		List<String> headlines = new ArrayList<>();
		while (!headlines.contains(last)) {
			Map<?, ?> delivery = (Map<?, ?>) socket.await("#publish");
			assertThat(delivery.get("channel")).isEqualTo(NewsTicker.CHANNEL);
			headlines.add((String) ((Map<?, ?>) delivery.get("data")).get("headline"));
		}
		return headlines;
	}

}
