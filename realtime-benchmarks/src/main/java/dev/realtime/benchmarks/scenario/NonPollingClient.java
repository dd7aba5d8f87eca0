package dev.realtime.benchmarks.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.realtime.benchmarks.client.Dialect;

/**
 * An Engine.IO long-polling client that opens its session, connects to the namespace and joins the broadcast room,
 * then never sends another GET: everything the server sends it waits on the server. At the end one more GET tells
 * whether the session is still there.
 */
final class NonPollingClient implements NonReader {

	private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"");

	/** Engine.IO's separator of the packets of one polling payload. */
	private static final String SEPARATOR = "\u001e";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private URI session;

	private boolean open;

	@Override
	public void joinAndStop(Target target) throws Exception {
		Dialect dialect = target.server().kind().dialect();
		String handshake = get(URI.create("http://127.0.0.1:" + target.server().port()
				+ "/socket.io/?EIO=4&transport=polling")).body();
		Matcher sid = SID.matcher(handshake);
		if (!handshake.startsWith("0") || !sid.find()) {
			throw new IllegalStateException("No Engine.IO handshake: " + handshake);
		}
		this.session = URI.create("http://127.0.0.1:" + target.server().port()
				+ "/socket.io/?EIO=4&transport=polling&sid=" + sid.group(1));
		this.open = true;
		post(dialect.connectFrame());
		if (!pollUntil(dialect::isConnected)) {
			throw new IllegalStateException("The namespace did not accept the polling client");
		}
		post(dialect.joinRequest());
		if (!pollUntil(dialect::isJoined)) {
			throw new MissingHandlerException("join");
		}
	}

	/** Polls until a packet matches, or the session ends. */
	private boolean pollUntil(Predicate<String> packet) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = get(this.session);
			if (response.statusCode() != 200) {
				return false;
			}
			if (Arrays.stream(response.body().split(SEPARATOR)).anyMatch(packet)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public boolean closedByServer() throws Exception {
		this.open = get(this.session).statusCode() == 200;
		return !this.open;
	}

	@Override
	public void close() {
		if (this.open) {
			try {
				post("1");
			}
			catch (IOException ex) {
				// the session is gone either way
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void post(String packet) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.session)
			.timeout(TIMEOUT)
			.POST(HttpRequest.BodyPublishers.ofString(packet))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.build();
		HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
		if (response.statusCode() != 200) {
			throw new IOException("The server answered " + response.statusCode() + " to " + packet);
		}
	}

}
