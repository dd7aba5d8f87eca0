package dev.realtime.sample;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol, spoken with the JDK's own WebSocket client. Each
 * {@link Page} is a tab in a browser context of its own (its own cookies and storage), so two pages are two users.
 */
final class Chromium implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern DEVTOOLS_ENDPOINT = Pattern.compile("DevTools listening on (ws://\\S+)");

	private final Process process;

	private final Path profile;

	private final WebSocket devTools;

	private final AtomicInteger ids = new AtomicInteger();

	private final Map<Integer, CompletableFuture<Map<String, Object>>> calls = new ConcurrentHashMap<>();

	private final Map<String, Page> pages = new ConcurrentHashMap<>();

	private Chromium(Process process, Path profile, URI endpoint) throws Exception {
		this.process = process;
		this.profile = profile;
		this.devTools = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.buildAsync(endpoint, new Listener())
			.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	/** The Chromium of this machine: {@code $CHROMIUM_BIN}, else the first of the usual names on the PATH. */
	static Optional<Path> find() {
		String configured = System.getenv("CHROMIUM_BIN");
		if (configured != null && !configured.isBlank()) {
			return Optional.of(Path.of(configured));
		}
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
			.flatMap((name) -> Stream.of(path.split(File.pathSeparator)).map((dir) -> Path.of(dir, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

	/**
	 * The Chromium of this machine, started; null where none is installed, except with {@code CI=true}, where that
	 * fails the test.
	 * @param skipped what a test class says when it is skipped for want of a browser
	 */
	static @Nullable Chromium startIfInstalled(String skipped) throws Exception {
		Optional<Path> binary = find();
		if (binary.isPresent()) {
			return start(binary.get());
		}
		if ("true".equals(System.getenv("CI"))) {
			throw new AssertionError(skipped);
		}
		return null;
	}

	static Chromium start(Path binary) throws Exception {
		Path profile = Files.createTempDirectory("chromium-profile");
		// --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
		Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
				"--user-data-dir=" + profile, "about:blank")
			.redirectOutput(Redirect.DISCARD)
			.start();
		try {
			return new Chromium(process, profile, devToolsEndpoint(process));
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	/** Reads the browser's endpoint from what it prints at start-up, and drains the rest of its output. */
	private static URI devToolsEndpoint(Process process) throws Exception {
		CompletableFuture<URI> endpoint = new CompletableFuture<>();
		List<String> output = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					Matcher matcher = DEVTOOLS_ENDPOINT.matcher(line);
					if (matcher.find()) {
						endpoint.complete(URI.create(matcher.group(1)));
					}
					else if (!endpoint.isDone()) {
						output.add(line);
					}
				}
			}
			catch (IOException ex) {
				// the browser has gone
			}
			endpoint.completeExceptionally(new IllegalStateException("Chromium exited: " + output));
		}, "chromium-output");
		reader.setDaemon(true);
		reader.start();
		return endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	/** Opens a blank tab in a new browser context, with a viewport of the given size (a phone's when mobile). */
	Page newPage(int width, int height, boolean mobile) throws Exception {
		Object context = call(null, "Target.createBrowserContext", Map.of()).get("browserContextId");
		Object target = call(null, "Target.createTarget", Map.of("url", "about:blank", "browserContextId", context))
			.get("targetId");
		String session = (String) call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
			.get("sessionId");
		Page page = new Page(session, context);
		this.pages.put(session, page);
		page.call("Page.enable", Map.of());
		page.call("Network.enable", Map.of());
		page.call("Runtime.enable", Map.of());
		page.call("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
		return page;
	}

	private Map<String, Object> call(String session, String method, Map<String, Object> params) throws Exception {
		int id = this.ids.incrementAndGet();
		Map<String, Object> command = new HashMap<>(Map.of("id", id, "method", method, "params", params));
		if (session != null) {
			command.put("sessionId", session);
		}
		CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
		this.calls.put(id, answer);
		synchronized (this.devTools) {
			// a WebSocket takes one message at a time
			this.devTools.sendText(JSON.writeValueAsString(command), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		Map<String, Object> response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (response.get("error") instanceof Map<?, ?> error) {
			throw new IllegalStateException(method + " failed: " + error.get("message"));
		}
		return map(response.get("result"));
	}

	@SuppressWarnings("unchecked")
	private void receive(String text) {
		Map<String, Object> message = JSON.readValue(text, Map.class);
		if (message.get("id") instanceof Integer id) {
			CompletableFuture<Map<String, Object>> answer = this.calls.remove(id);
			if (answer != null) {
				answer.complete(message);
			}
		}
		else if (message.get("sessionId") instanceof String session && this.pages.get(session) != null) {
			this.pages.get(session).receive((String) message.get("method"), map(message.get("params")));
		}
	}

	@Override
	public void close() throws Exception {
		try {
			call(null, "Browser.close", Map.of());
		}
		catch (Exception ex) {
			// it is stopped below in any case
		}
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.descendants().forEach(ProcessHandle::destroyForcibly);
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	/** A JavaScript literal for the value, to build an expression with. */
	static String js(Object value) {
		return JSON.writeValueAsString(value);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		return (value != null) ? (Map<String, Object>) value : Map.of();
	}

	/** Collects each message of the browser, which may arrive in parts. */
	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				receive(this.text.toString());
				this.text.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

	/** One tab: navigates, evaluates JavaScript, clicks and types as a user would, and records what it loaded. */
	final class Page implements AutoCloseable {

		private final String session;

		private final Object context;

		private final BlockingQueue<Object> loads = new LinkedBlockingQueue<>();

		private final List<Map<String, Object>> responses = new CopyOnWriteArrayList<>();

		private final List<String> exceptions = new CopyOnWriteArrayList<>();

		private Page(String session, Object context) {
			this.session = session;
			this.context = context;
		}

		private Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
			return Chromium.this.call(this.session, method, params);
		}

		private void receive(String method, Map<String, Object> params) {
			switch (method) {
				case "Page.loadEventFired" -> this.loads.add(params);
				case "Network.responseReceived" -> this.responses.add(map(params.get("response")));
				case "Runtime.exceptionThrown" -> this.exceptions.add(String.valueOf(map(params.get("exceptionDetails"))));
				default -> {
				}
			}
		}

		void open(String url) throws Exception {
			this.loads.clear();
			call("Page.navigate", Map.of("url", url));
			awaitLoad();
		}

		void reload() throws Exception {
			this.loads.clear();
			call("Page.reload", Map.of());
			awaitLoad();
		}

		private void awaitLoad() throws InterruptedException {
			if (this.loads.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS) == null) {
				throw new AssertionError("The page did not load in " + TIMEOUT);
			}
		}

		/** The value of a JavaScript expression (a promise is awaited), as JSON turns it into Java. */
		Object evaluate(String expression) throws Exception {
			Map<String, Object> result = call("Runtime.evaluate",
					Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
			if (result.get("exceptionDetails") != null) {
				throw new IllegalStateException(expression + " threw " + result.get("exceptionDetails"));
			}
			return map(result.get("result")).get("value");
		}

		/** Waits until a JavaScript condition holds, as a user waits for the page to show something. */
		void waitUntil(String condition) throws Exception {
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (!Boolean.TRUE.equals(evaluate("Boolean(" + condition + ")"))) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Timed out waiting for " + condition);
				}
				Thread.sleep(50);
			}
		}

		/** Clicks the middle of an element with the mouse: it must be on the screen and not covered. */
		void click(String selector) throws Exception {
			Map<String, Object> centre = map(evaluate("(() => { const box = document.querySelector(" + js(selector)
					+ ").getBoundingClientRect(); return { x: box.x + box.width / 2, y: box.y + box.height / 2 }; })()"));
			for (String type : List.of("mousePressed", "mouseReleased")) {
				call("Input.dispatchMouseEvent", Map.of("type", type, "x", centre.get("x"), "y", centre.get("y"),
						"button", "left", "clickCount", 1));
			}
		}

		/**
		 * Replaces the text of an input with what the keyboard types, over its selected text (so that a framework
		 * that keeps the value itself sees the change).
		 */
		void type(String selector, String text) throws Exception {
			evaluate("(() => { const input = document.querySelector(" + js(selector)
					+ "); input.focus(); input.select(); })()");
			call("Input.insertText", Map.of("text", text));
		}

		void screenshot(Path file) throws Exception {
			String png = (String) call("Page.captureScreenshot", Map.of("format", "png")).get("data");
			Files.createDirectories(file.getParent());
			Files.write(file, Base64.getDecoder().decode(png));
		}

		/** The responses received so far whose URL ends with the given path. */
		List<Map<String, Object>> responses(String path) {
			return new ArrayList<>(this.responses.stream()
				.filter((response) -> String.valueOf(response.get("url")).endsWith(path))
				.toList());
		}

		/** The uncaught exceptions of the page's scripts so far. */
		List<String> exceptions() {
			return List.copyOf(this.exceptions);
		}

		@Override
		public void close() throws Exception {
			Chromium.this.pages.remove(this.session);
			Chromium.this.call(null, "Target.disposeBrowserContext", Map.of("browserContextId", this.context));
		}

	}

}
