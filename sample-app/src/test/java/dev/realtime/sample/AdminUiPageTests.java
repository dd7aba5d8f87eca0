package dev.realtime.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.realtime.middleware.MiddlewareLine;
import dev.realtime.middleware.Verdict;
import dev.realtime.sample.security.TokenService;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.ServerObserver;
import dev.realtime.test.AutoConfigureRealtimeTestClient;
import dev.realtime.test.RealtimeTestClient;
import dev.realtime.test.TestSocket;

import static dev.realtime.sample.Chromium.js;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Socket.IO Admin UI itself, as {@code @socket.io/admin-ui} ships it in {@code ui/dist}, served from another
 * origin than the sample's (so {@code realtime.allowed-origins} must name it) and used in a headless Chromium by the
 * sample's {@code admin} user: it logs in, lists the server, a chat user's socket and its rooms, and disconnects
 * that socket.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "realtime.admin-ui.server-id=sample-test")
@AutoConfigureRealtimeTestClient
class AdminUiPageTests {

	private static final Path UI = Path.of("src", "test", "js", "node_modules", "@socket.io", "admin-ui", "ui", "dist");

	private static final String NO_CHROMIUM = "No Chromium found (install Debian's chromium package, or set "
			+ "CHROMIUM_BIN): the admin UI is not tested";

	private static final Map<String, String> TYPES = Map.of("html", "text/html", "js", "text/javascript", "css",
			"text/css", "png", "image/png", "map", "application/json", "svg", "image/svg+xml");

	/** Nothing on the page moves: a click lands where the element is. */
	private static final String STILL = "document.getAnimations().every((animation) => animation.playState !== 'running')";

	/** The connection form is open, not connecting, and no longer moving in. */
	private static final String FORM_READY = "document.querySelector('.v-dialog--active button[type=submit]:not([disabled])')"
			+ " && " + STILL;

	private static HttpServer uiServer;

	private static Chromium chromium;

	@LocalServerPort
	private int port;

	@Autowired
	private RealtimeServer server;

	@Autowired
	private TokenService tokens;

	@Autowired
	private RealtimeTestClient client;

	private Chromium.Page page;

	private TestSocket alice;

	private final AtomicInteger refusedConnects = new AtomicInteger();

	@BeforeAll
	static void serveTheUi() throws Exception {
		if (!Files.isRegularFile(UI.resolve("index.html"))) {
			throw new AssertionError("No admin UI in " + UI.toAbsolutePath() + ": run \"npm ci\" in src/test/js (the "
					+ "build does it before the tests)");
		}
		uiServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		uiServer.createContext("/", AdminUiPageTests::serve);
		uiServer.start();
		chromium = Chromium.startIfInstalled(NO_CHROMIUM);
	}

	@DynamicPropertySource
	static void allowTheUisOrigin(DynamicPropertyRegistry registry) {
		registry.add("realtime.allowed-origins", () -> uiOrigin());
	}

	private static String uiOrigin() {
		return "http://127.0.0.1:" + uiServer.getAddress().getPort();
	}

	private static void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Path file = UI.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
		if (!file.startsWith(UI) || !Files.isRegularFile(file)) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		String name = file.getFileName().toString();
		exchange.getResponseHeaders()
			.set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "text/plain"));
		byte[] body = Files.readAllBytes(file);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@BeforeEach
	void needsChromium() {
		Assumptions.assumeTrue(chromium != null, NO_CHROMIUM);
	}

	@AfterEach
	void close() throws Exception {
		if (this.page != null) {
			this.page.close();
		}
	}

	@AfterAll
	static void stop() throws Exception {
		if (chromium != null) {
			chromium.close();
		}
		uiServer.stop(0);
	}

	@Test
	void theAdminLogsInSeesTheServerTheSocketsAndTheirRoomsAndDisconnectsOne() throws Exception {
		this.server.addObserver(new ServerObserver() {

			@Override
			public void middlewareDecided(MiddlewareLine line, Verdict verdict) {
				if (line == MiddlewareLine.CONNECT && verdict.kind() == Verdict.Kind.REJECT) {
					AdminUiPageTests.this.refusedConnects.incrementAndGet();
				}
			}

		});
		// as the chat page connects her, with her token; the UI's clicks take their time
		this.alice = this.client.withTimeout(Duration.ofSeconds(15))
			.connect(ChatController.NAMESPACE, Map.of("token", this.tokens.issue("alice").value()));
		String id = this.alice.id();
		this.server.namespace(ChatController.NAMESPACE).to(id).socketsJoin("seen-by-the-admin");
		this.page = chromium.newPage(1280, 800, false);
		this.page.open(uiOrigin() + "/");
		// what the UI's connection form keeps between visits: the server and, under its advanced options, the namespace
		this.page.evaluate("localStorage.setItem('server_url', " + js("http://localhost:" + this.port)
				+ "); localStorage.setItem('namespace', '/admin-ui')");
		this.page.reload();

		// the UI first tries the session it does not have yet, which is refused like a wrong password
		await().until(() -> this.refusedConnects.get() == 1);
		this.page.waitUntil("document.body.innerText.includes('Invalid credentials')");
		logIn("admin", "wrong");
		await().until(() -> this.refusedConnects.get() == 2);
		this.page.waitUntil("document.body.innerText.includes('Invalid credentials')");
		logIn("admin", "admin");
		this.page.waitUntil("!document.querySelector('.v-dialog--active')");

		this.page.evaluate("location.hash = '#/servers/'");
		this.page.waitUntil("document.body.innerText.includes('sample-test')");
		this.page.evaluate("location.hash = '#/sockets/'");
		this.page.waitUntil("document.querySelector('.v-main .v-select__slot')");
		clickWhenStill(".v-main .v-select__slot");
		clickElement("[...document.querySelectorAll('.menuable__content__active .v-list-item')].find((item) => "
				+ "item.textContent.trim() === " + js(ChatController.NAMESPACE) + ")");
		this.page.waitUntil("document.body.innerText.includes(" + js(id) + ")");
		this.page.waitUntil(STILL);
		this.page.screenshot(Path.of("target", "admin-ui-sockets.png"));
		this.page.evaluate("location.hash = " + js("#/n/" + ChatController.NAMESPACE.replace("/", "%2F")
				+ "/sockets/" + id));
		this.page.waitUntil("document.body.innerText.includes('seen-by-the-admin')");
		this.page.waitUntil(STILL);
		this.page.screenshot(Path.of("target", "admin-ui-socket.png"));

		// the icon-only button of the socket's own table (the client's table has one that closes the connection)
		clickElement("[...document.querySelectorAll('.v-main td.key-column')].find((cell) => cell.textContent.trim() "
				+ "=== 'Namespace')?.closest('table').querySelector('button .mdi-logout')?.closest('button')");
		assertThat(this.alice.awaitDisconnect()).isEqualTo("io server disconnect");
		assertThat(this.page.exceptions()).as("uncaught exceptions in the page").isEmpty();
	}

	/** Fills the UI's connection form, as a person types in it, and submits it. */
	private void logIn(String username, String password) throws Exception {
		this.page.waitUntil(FORM_READY);
		this.page.type(field("Username"), username);
		this.page.type(field("Password"), password);
		this.page.click(".v-dialog--active button[type=submit]");
	}

	/** The input of the form's field with this label. */
	private String field(String label) throws Exception {
		return "#" + this.page.evaluate("[...document.querySelectorAll('.v-dialog--active label')].find((label) => "
				+ "label.textContent.trim() === " + js(label) + ").htmlFor");
	}

	private void clickWhenStill(String selector) throws Exception {
		this.page.waitUntil(STILL);
		this.page.click(selector);
	}

	/** Clicks the element a JavaScript expression finds, once it is there and still. */
	private void clickElement(String element) throws Exception {
		this.page.waitUntil(element);
		// as a person scrolls the table that holds it into view
		this.page.evaluate("(() => { const target = " + element + "; target.setAttribute('data-test-target', ''); "
				+ "target.scrollIntoView({ block: 'center', inline: 'center' }); })()");
		clickWhenStill("[data-test-target]");
		this.page.evaluate("document.querySelector('[data-test-target]').removeAttribute('data-test-target')");
	}


}
