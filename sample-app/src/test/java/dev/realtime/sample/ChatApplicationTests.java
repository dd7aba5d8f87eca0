package dev.realtime.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socket.client.IO;
import io.socket.client.Socket;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
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

import dev.realtime.sample.ChatPayloads.News;
import dev.realtime.sample.security.TokenService;
import dev.realtime.server.RealtimeServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the chat with the Java Socket.IO client: two users in one room, the middleware and security that guard the
 * chat, the admin namespace, private channels and the news channel.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
// the rate limiter keeps a bucket per user: each test starts with full ones
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
class ChatApplicationTests {

	private static final long TIMEOUT_SECONDS = 10;

	@LocalServerPort
	private int port;

	@Autowired
	private RealtimeServer server;

	@Autowired
	private TokenService tokens;

	private final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void closeSockets() {
		this.sockets.forEach(Socket::close);
	}

	@Test
	void messagesReachTheOtherMembersOfTheRoomAndAreAcknowledged() throws Exception {
		Socket alice = connect("alice");
		Socket bob = connect("bob");
		BlockingQueue<JSONObject> bobMessages = received(bob, "message");
		assertThat(users(call(alice, "join", room("lobby")))).containsExactly("alice");
		assertThat(users(call(bob, "join", room("lobby")))).containsExactly("alice", "bob");

		JSONObject receipt = call(alice, "message", room("lobby").put("text", "Hello, Bob"));
		assertThat(receipt.getString("id")).isNotBlank();
		assertThat(receipt.getLong("timestamp")).isPositive();

		JSONObject message = next(bobMessages);
		assertThat(message.getString("id")).isEqualTo(receipt.getString("id"));
		assertThat(message.getString("room")).isEqualTo("lobby");
		assertThat(message.getString("from")).isEqualTo("alice");
		assertThat(message.getString("text")).isEqualTo("Hello, Bob");
		assertThat(message.getLong("timestamp")).isEqualTo(receipt.getLong("timestamp"));
	}

	@Test
	void typingNoticesReachTheOthersButNotTheSender() throws Exception {
		Socket alice = connect("alice");
		Socket bob = connect("bob");
		BlockingQueue<JSONObject> aliceTyping = received(alice, "typing");
		BlockingQueue<JSONObject> bobTyping = received(bob, "typing");
		call(alice, "join", room("lobby"));
		call(bob, "join", room("lobby"));

		alice.emit("typing", room("lobby").put("typing", true));
		JSONObject notice = next(bobTyping);
		assertThat(notice.getString("nickname")).isEqualTo("alice");
		assertThat(notice.getBoolean("typing")).isTrue();

		// events of one socket are handled in order: an echo of the notice would arrive before this answer
		call(alice, "message", room("lobby").put("text", "done typing"));
		assertThat(aliceTyping).isEmpty();
	}

	@Test
	void userListsFollowJoinsLeavesAndRenames() throws Exception {
		Socket alice = connect("alice");
		Socket bob = connect("bob");
		BlockingQueue<JSONObject> aliceUsers = received(alice, "users");
		call(alice, "join", room("lobby"));
		assertThat(users(next(aliceUsers))).containsExactly("alice");

		call(bob, "join", room("lobby"));
		assertThat(users(next(aliceUsers))).containsExactly("alice", "bob");

		assertThat(call(bob, "nickname", new JSONObject().put("nickname", "robert")).getString("nickname"))
			.isEqualTo("robert");
		assertThat(users(next(aliceUsers))).containsExactly("alice", "robert");

		call(bob, "leave", room("lobby"));
		assertThat(users(next(aliceUsers))).containsExactly("alice");
	}

	@Test
	void messagesToARoomNotJoinedAreRejected() throws Exception {
		Socket alice = connect("alice");
		JSONObject answer = call(alice, "message", room("elsewhere").put("text", "hello?"));
		assertThat(answer.getString("message")).isEqualTo("Join the room \"elsewhere\" first");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void eventsWithoutTheirPayloadAreRefusedWithAClearMessage(CapturedOutput output) throws Exception {
		Socket alice = connect("alice");
		assertThat(refusal(alice, "join", JSONObject.NULL)).isEqualTo("Expected a payload like {\"room\": \"lobby\"}");
		assertThat(refusal(alice, "leave")).isEqualTo("Expected a payload like {\"room\": \"lobby\"}");
		assertThat(refusal(alice, "leave", new JSONObject())).isEqualTo("Name the room: {\"room\": \"lobby\"}");
		assertThat(refusal(alice, "whisper")).startsWith("A whisper needs a recipient and a text");
		assertThat(refusal(alice, "whisper", new JSONObject().put("text", "psst")))
			.startsWith("A whisper needs a recipient and a text");
		assertThat(refusal(alice, "message", "just text")).isEqualTo("Invalid arguments");
		assertThat(users(call(alice, "join", room("lobby")))).containsExactly("alice");
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
	void connectingWithoutATokenIsRefused() throws Exception {
		assertThat(connectError("/chat", Map.of("nickname", "mallory")).getString("message"))
			.isEqualTo("Missing credentials");
	}

	@Test
	void connectingWithAnUnknownTokenIsRefused() throws Exception {
		assertThat(connectError("/chat", Map.of("token", "guessed")).getString("message")).isEqualTo("Bad credentials");
	}

	@Test
	void onlyAdminsReachTheAdminNamespaceAndTheirAnnouncementsReachTheChat() throws Exception {
		Socket alice = connect("alice");
		assertThat(connectError("/admin", Map.of("token", this.tokens.issue("alice").value())).getString("message"))
			.isEqualTo("Access denied");

		BlockingQueue<JSONObject> announcements = received(alice, "announcement");
		Socket admin = socket("/admin", Map.of("token", this.tokens.issue("admin").value()));
		admin.connect();
		CompletableFuture<Object[]> reached = new CompletableFuture<>();
		admin.once(Socket.EVENT_CONNECT, (args) -> admin.emit("announce", new Object[] { "maintenance at noon" },
				reached::complete));
		assertThat((Integer) reached.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)[0]).isGreaterThanOrEqualTo(1);
		JSONObject announcement = next(announcements);
		assertThat(announcement.getString("from")).isEqualTo("admin");
		assertThat(announcement.getString("text")).isEqualTo("maintenance at noon");
	}

	@Test
	void aPrivateChannelIsForItsOwnerAlone() throws Exception {
		Socket alice = connect("alice");
		Socket bob = connect("bob");
		Object[] refused = request(alice, "#subscribe", "user.bob").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		assertThat(((JSONObject) refused[0]).getString("message")).isEqualTo("Access denied");
		assertThat(request(bob, "#subscribe", "user.bob").get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEmpty();

		BlockingQueue<JSONObject> bobsInbox = received(bob, "#publish");
		JSONObject delivery = call(alice, "whisper", new JSONObject().put("to", "bob").put("text", "psst"));
		assertThat(delivery.getBoolean("online")).isTrue();
		JSONObject whisper = next(bobsInbox);
		assertThat(whisper.getString("channel")).isEqualTo("user.bob");
		assertThat(whisper.getJSONObject("data").getString("from")).isEqualTo("alice");
		assertThat(whisper.getJSONObject("data").getString("text")).isEqualTo("psst");
	}

	@Test
	void messagesWithABlockedWordAreRefusedAndReachNobody() throws Exception {
		Socket alice = connect("alice");
		Socket bob = connect("bob");
		BlockingQueue<JSONObject> bobMessages = received(bob, "message");
		call(alice, "join", room("lobby"));
		call(bob, "join", room("lobby"));

		JSONObject refusal = call(alice, "message", room("lobby").put("text", "Cheap SPAM here"));
		assertThat(refusal.getString("message")).isEqualTo("Messages may not contain \"SPAM\"");
		assertThat(refusal.has("id")).isFalse();

		// alice's messages are handled in order: the refused one would reach bob before this one
		call(alice, "message", room("lobby").put("text", "Sorry"));
		assertThat(next(bobMessages).getString("text")).isEqualTo("Sorry");
	}

	@Test
	void aBurstOfMessagesIsRateLimited() throws Exception {
		Socket alice = connect("alice");
		call(alice, "join", room("lobby"));
		List<CompletableFuture<Object[]>> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(request(alice, "message", room("lobby").put("text", "message " + i)));
		}
		List<JSONObject> refusals = new ArrayList<>();
		for (CompletableFuture<Object[]> answer : answers) {
			JSONObject receipt = (JSONObject) answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)[0];
			if (receipt.has("message")) {
				refusals.add(receipt);
			}
		}
		assertThat(refusals).isNotEmpty().hasSizeLessThan(answers.size()).allSatisfy((refusal) -> {
			assertThat(refusal.getString("message")).isEqualTo("Rate limit exceeded");
			assertThat(refusal.getJSONObject("data").getLong("retryAfterMs")).isPositive();
		});
	}

	@Test
	void subscribersReceiveTheNews() throws Exception {
		Socket alice = connect("alice");
		BlockingQueue<JSONObject> deliveries = received(alice, "#publish");
		assertThat(request(alice, "#subscribe", NewsTicker.CHANNEL).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEmpty();

		publishNews("Extra!");
		assertThat(headlinesUntil(deliveries, "Extra!")).endsWith("Extra!");
	}

	@Test
	void subscribersWhoMutedTheNewsAreSkipped() throws Exception {
		Socket alice = connect("alice");
		BlockingQueue<JSONObject> deliveries = received(alice, "#publish");
		request(alice, "#subscribe", NewsTicker.CHANNEL).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		assertThat(call(alice, "mute-news", new JSONObject().put("muted", true)).getBoolean("muted")).isTrue();

		publishNews("While muted");
		// a subscriber's deliveries and events are handled in order: the first news is decided before the unmute
		call(alice, "mute-news", new JSONObject().put("muted", false));
		publishNews("After unmuting");
		assertThat(headlinesUntil(deliveries, "After unmuting")).doesNotContain("While muted");
	}

	/** Connects a user of the sample with a token issued to it, as the page does after logging in. */
	private Socket connect(String user) throws Exception {
		Socket socket = socket("/chat", Map.of("token", this.tokens.issue(user).value()));
		CompletableFuture<JSONObject> welcome = new CompletableFuture<>();
		socket.once("welcome", (args) -> welcome.complete((JSONObject) args[0]));
		socket.connect();
		assertThat(welcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getString("nickname")).isEqualTo(user);
		return socket;
	}

	private JSONObject connectError(String namespace, Map<String, String> auth) throws Exception {
		Socket socket = socket(namespace, auth);
		CompletableFuture<JSONObject> error = new CompletableFuture<>();
		socket.once(Socket.EVENT_CONNECT_ERROR, (args) -> error.complete((JSONObject) args[0]));
		socket.connect();
		return error.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
	}

	private Socket socket(String namespace, Map<String, String> auth) {
		IO.Options options = IO.Options.builder().setAuth(auth).setReconnection(false).setForceNew(true).build();
		Socket socket = IO.socket(URI.create("http://localhost:" + this.port + namespace), options);
		this.sockets.add(socket);
		return socket;
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
	private static List<String> headlinesUntil(BlockingQueue<JSONObject> deliveries, String last) throws Exception {
		List<String> headlines = new ArrayList<>();
		while (!headlines.contains(last)) {
			JSONObject delivery = next(deliveries);
			assertThat(delivery.getString("channel")).isEqualTo(NewsTicker.CHANNEL);
			headlines.add(delivery.getJSONObject("data").getString("headline"));
		}
		return headlines;
	}

	private static BlockingQueue<JSONObject> received(Socket socket, String event) {
		BlockingQueue<JSONObject> queue = new LinkedBlockingQueue<>();
		socket.on(event, (args) -> queue.add((JSONObject) args[0]));
		return queue;
	}

	private static JSONObject call(Socket socket, String event, JSONObject payload) throws Exception {
		return (JSONObject) request(socket, event, payload).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)[0];
	}

	/** Emits an event with an acknowledgement; the future completes with the answer's arguments. */
	private static CompletableFuture<Object[]> request(Socket socket, String event, Object payload) {
		CompletableFuture<Object[]> answer = new CompletableFuture<>();
		socket.emit(event, new Object[] { payload }, answer::complete);
		return answer;
	}

	/** The message of the error that answers an event. */
	private static String refusal(Socket socket, String event, Object... args) throws Exception {
		CompletableFuture<Object[]> answer = new CompletableFuture<>();
		socket.emit(event, args, answer::complete);
		return ((JSONObject) answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)[0]).getString("message");
	}

	private static JSONObject next(BlockingQueue<JSONObject> queue) throws InterruptedException {
		JSONObject next = queue.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		assertThat(next).as("event received in time").isNotNull();
		return next;
	}

	private static JSONObject room(String name) throws JSONException {
		return new JSONObject().put("room", name);
	}

	private static List<String> users(JSONObject roomUsers) throws JSONException {
		JSONArray users = roomUsers.getJSONArray("users");
		List<String> names = new ArrayList<>();
		for (int i = 0; i < users.length(); i++) {
			names.add(users.getString(i));
		}
		return names;
	}

}
