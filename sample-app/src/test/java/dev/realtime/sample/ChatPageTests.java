package dev.realtime.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.realtime.sample.ChatPayloads.Message;
import dev.realtime.server.RealtimeServer;

import static dev.realtime.sample.Chromium.js;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in a headless Chromium, as a person uses it: the real page with its vendored Socket.IO client,
 * against the sample on a random port. Skipped where no Chromium is installed, except on CI, where it fails.
 */
// the same users act in every test, within the rate limiter's burst (its refusals are tested in ChatApplicationTests)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "realtime.rate-limit.events.capacity=100")
class ChatPageTests {

	private static final int MESSAGES = 30;

	private static final String NO_CHROMIUM = "No Chromium found (install Debian's chromium package, or set "
			+ "CHROMIUM_BIN): the chat page is not tested";

	private static Chromium chromium;

	@LocalServerPort
	private int port;

	@Autowired
	private RealtimeServer server;

	private final List<Chromium.Page> pages = new ArrayList<>();

	@BeforeAll
	static void startChromium() throws Exception {
		chromium = Chromium.startIfInstalled(NO_CHROMIUM);
	}

	@BeforeEach
	void needsChromium() {
		Assumptions.assumeTrue(chromium != null, NO_CHROMIUM);
	}

	@AfterAll
	static void stopChromium() throws Exception {
		if (chromium != null) {
			chromium.close();
		}
	}

	@AfterEach
	void closePages() throws Exception {
		for (Chromium.Page page : this.pages) {
			assertThat(page.exceptions()).as("uncaught exceptions in the page").isEmpty();
			page.close();
		}
	}

	@Test
	void aMessageReachesTheOtherUserInTheRoom() throws Exception {
		Chromium.Page alice = loggedIn("alice", 1280, 800);
		Chromium.Page bob = loggedIn("bob", 1280, 800);
		alice.waitUntil(usersInTheRoomAre("alice", "bob"));

		send(alice, "Hello, Bob");
		bob.waitUntil(lastMessageIs("alice", "Hello, Bob"));
		// acknowledged: the sender's own line gets the server's time
		alice.waitUntil("document.querySelector('#messages li:last-child .time').textContent !== ''");
		assertThat(alice.evaluate("document.querySelector('#messages li:last-child').className")).isEqualTo("");
	}

	@Test
	void aWrongPasswordIsAnsweredByThePageWithoutTheBrowsersLoginDialog() throws Exception {
		Chromium.Page page = open(1280, 800);
		logIn(page, "alice", "wrong");
		page.waitUntil("!document.getElementById('login-error').hidden");
		assertThat(page.evaluate("document.getElementById('login-error').textContent"))
			.isEqualTo("Wrong user name or password");
		assertThat(page.evaluate("document.getElementById('chat').hidden")).isEqualTo(true);
		assertThat(page.responses("/api/token")).singleElement().satisfies((response) -> {
			assertThat(response.get("status")).isEqualTo(401);
			assertThat(((Map<?, ?>) response.get("headers")).keySet())
				.noneMatch((name) -> "WWW-Authenticate".equalsIgnoreCase((String) name));
		});
	}

	@Test
	void theMessageListScrollsWhileTheRestOfThePageStays() throws Exception {
		Chromium.Page alice = loggedIn("alice", 1280, 800);
		fill("lobby");
		alice.waitUntil("document.querySelectorAll('#messages li').length >= " + MESSAGES);
		assertStaysOnOneScreen(alice);
		alice.screenshot(Path.of("target", "chat-page-desktop.png"));
	}

	@Test
	void aRefusedMessageSaysWhyBesideIt() throws Exception {
		Chromium.Page alice = loggedIn("alice", 1280, 800);
		send(alice, "Cheap spam here");
		alice.waitUntil("document.querySelector('#messages li.refused .reason')");
		send(alice, "Sorry");
		alice.waitUntil("document.querySelector('#messages li:last-child .time').textContent !== ''");
		// the reason stays beside the refused message when the next one is sent
		assertThat(alice.evaluate("document.querySelector('#messages li.refused .text').textContent"))
			.isEqualTo("Cheap spam here");
		assertThat(alice.evaluate("document.querySelector('#messages li.refused .reason').textContent"))
			.isEqualTo("not sent: Messages may not contain \"spam\"");
		alice.screenshot(Path.of("target", "chat-page-refused.png"));
	}

	@Test
	void aReloadKeepsTheUserLoggedInAndInTheRooms() throws Exception {
		Chromium.Page alice = loggedIn("alice", 1280, 800);
		alice.type("#room", "kitchen");
		alice.click("#join button");
		alice.waitUntil(currentRoomIs("kitchen"));

		alice.reload();
		alice.waitUntil(currentRoomIs("kitchen"));
		assertThat(alice.evaluate("document.getElementById('login').hidden")).isEqualTo(true);
		assertThat(alice.evaluate("[...document.querySelectorAll('#rooms li')].map((room) => room.firstChild.textContent)"))
			.isEqualTo(List.of("# lobby", "# kitchen"));
		// the server has the new socket in the room again
		emit("kitchen", "bob", "welcome back");
		alice.waitUntil(lastMessageIs("bob", "welcome back"));
		alice.waitUntil("document.getElementById('status').textContent === 'online as alice'");
	}

	@Test
	void loggingOutEndsTheLoginForTheTab() throws Exception {
		Chromium.Page alice = loggedIn("alice", 1280, 800);
		alice.click("#logout");
		alice.waitUntil("!document.getElementById('login').hidden && document.getElementById('chat').hidden");
		alice.reload();
		assertThat(alice.evaluate("!document.getElementById('login').hidden && document.getElementById('chat').hidden"))
			.isEqualTo(true);
	}

	@Test
	void aStoredTokenThatTheServerRefusesLeadsBackToTheLoginForm() throws Exception {
		Chromium.Page page = open(1280, 800);
		page.evaluate("sessionStorage.setItem('realtime-chat', JSON.stringify({ token: 'forgotten', username: 'alice', "
				+ "admin: false, expiresAt: new Date(Date.now() + 60000).toISOString(), rooms: ['lobby'], current: 'lobby' }))");
		page.reload();
		page.waitUntil("!document.getElementById('login').hidden");
		assertThat(page.evaluate("document.getElementById('login-error').textContent")).isEqualTo("Bad credentials");
		assertThat(page.evaluate("sessionStorage.getItem('realtime-chat')")).isNull();
	}

	@Test
	void onAPhoneThePageFitsTheScreen() throws Exception {
		Chromium.Page alice = open(375, 667, true);
		assertThat(alice.evaluate("document.documentElement.scrollWidth <= innerWidth")).isEqualTo(true);
		alice.screenshot(Path.of("target", "chat-page-phone-login.png"));
		logIn(alice, "alice", "alice");
		alice.waitUntil(currentRoomIs("lobby"));
		fill("lobby");
		alice.waitUntil("document.querySelectorAll('#messages li').length >= " + MESSAGES);
		assertStaysOnOneScreen(alice);
		assertThat(alice.evaluate("document.documentElement.scrollWidth <= innerWidth")).isEqualTo(true);
		// the controls can be reached with a finger: the mouse lands on them
		send(alice, "typed on a phone");
		alice.waitUntil(lastMessageIs("me", "typed on a phone"));
		alice.screenshot(Path.of("target", "chat-page-phone.png"));
	}

	/** The page does not scroll: the list does, its newest message in view, with the header and the input. */
	@SuppressWarnings("unchecked")
	private static void assertStaysOnOneScreen(Chromium.Page page) throws Exception {
		Map<String, Object> layout = (Map<String, Object>) page.evaluate("""
				(() => {
				  const box = (selector) => document.querySelector(selector).getBoundingClientRect();
				  const list = document.getElementById('messages');
				  return {
				    pageHeight: document.documentElement.scrollHeight, viewport: innerHeight,
				    listScrolls: list.scrollHeight > list.clientHeight,
				    headerTop: box('header').top, inputBottom: box('#post').bottom,
				    listTop: box('#messages').top, listBottom: box('#messages').bottom,
				    newestBottom: box('#messages li:last-child').bottom
				  };
				})()""");
		int viewport = (Integer) layout.get("viewport");
		assertThat((Integer) layout.get("pageHeight")).as("page height").isLessThanOrEqualTo(viewport);
		assertThat(layout.get("listScrolls")).as("the message list scrolls").isEqualTo(true);
		assertThat(number(layout, "headerTop")).as("header top").isEqualTo(0);
		assertThat(number(layout, "inputBottom")).as("input bottom").isLessThanOrEqualTo(viewport);
		assertThat(number(layout, "newestBottom")).as("newest message bottom")
			.isGreaterThan(number(layout, "listTop"))
			.isLessThanOrEqualTo(number(layout, "listBottom") + 1);
	}

	private static double number(Map<String, Object> values, String name) {
		return ((Number) values.get(name)).doubleValue();
	}

	private Chromium.Page open(int width, int height) throws Exception {
		return open(width, height, false);
	}

	private Chromium.Page open(int width, int height, boolean mobile) throws Exception {
		Chromium.Page page = chromium.newPage(width, height, mobile);
		this.pages.add(page);
		page.open("http://localhost:" + this.port + "/");
		return page;
	}

	private Chromium.Page loggedIn(String user, int width, int height) throws Exception {
		Chromium.Page page = open(width, height);
		logIn(page, user, user);
		page.waitUntil(currentRoomIs("lobby"));
		return page;
	}

	private static void logIn(Chromium.Page page, String user, String password) throws Exception {
		page.type("#username", user);
		page.type("#password", password);
		page.click("#login button");
	}

	private static void send(Chromium.Page page, String text) throws Exception {
		page.type("#text", text);
		page.click("#send");
	}

	/** Messages from someone else, straight from the server: a user's own would soon be rate limited. */
	private void fill(String room) {
		for (int i = 1; i <= MESSAGES; i++) {
			emit(room, "bob", "message " + i + " of " + MESSAGES);
		}
	}

	private void emit(String room, String from, String text) {
		this.server.namespace(ChatController.NAMESPACE)
			.to(ChatMembers.socketRoom(room))
			.emit(ChatController.MESSAGE,
					new Message(UUID.randomUUID().toString(), room, from, text, System.currentTimeMillis()));
	}

	private static String currentRoomIs(String room) {
		return "document.getElementById('current-room').textContent === " + js("# " + room)
				+ " && !document.getElementById('text').disabled";
	}

	private static String usersInTheRoomAre(String... users) {
		return "[...document.querySelectorAll('#users li')].map((user) => user.textContent).join() === "
				+ js(String.join(",", users));
	}

	private static String lastMessageIs(String from, String text) {
		return "document.querySelector('#messages li:last-child .from')?.textContent === " + js(from)
				+ " && document.querySelector('#messages li:last-child .text')?.textContent === " + js(text);
	}

}
