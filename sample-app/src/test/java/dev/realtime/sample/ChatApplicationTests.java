package dev.realtime.sample;

import java.net.URI;
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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the chat with the Java Socket.IO client, as two users in one room.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ChatApplicationTests {

	private static final long TIMEOUT_SECONDS = 10;

	@LocalServerPort
	private int port;

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

	private Socket connect(String nickname) throws Exception {
		IO.Options options = IO.Options.builder().setAuth(Map.of("nickname", nickname)).build();
		Socket socket = IO.socket(URI.create("http://localhost:" + this.port + "/chat"), options);
		this.sockets.add(socket);
		CompletableFuture<JSONObject> welcome = new CompletableFuture<>();
		socket.once("welcome", (args) -> welcome.complete((JSONObject) args[0]));
		socket.connect();
		assertThat(welcome.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).getString("nickname")).isEqualTo(nickname);
		return socket;
	}

	private static BlockingQueue<JSONObject> received(Socket socket, String event) {
		BlockingQueue<JSONObject> queue = new LinkedBlockingQueue<>();
		socket.on(event, (args) -> queue.add((JSONObject) args[0]));
		return queue;
	}

	private static JSONObject call(Socket socket, String event, JSONObject payload) throws Exception {
		CompletableFuture<JSONObject> answer = new CompletableFuture<>();
		socket.emit(event, new Object[] { payload }, (args) -> answer.complete((JSONObject) args[0]));
		return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
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
