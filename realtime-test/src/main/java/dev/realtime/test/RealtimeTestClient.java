package dev.realtime.test;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import io.socket.client.IO;
import io.socket.client.Socket;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Socket.IO client for tests, over the official Java client ({@code io.socket:socket.io-client}): it connects
 * {@link TestSocket sockets} to an application's namespaces, each on a connection of its own and without
 * reconnection, and every wait is bounded by its timeout. {@link AutoConfigureRealtimeTestClient} makes one a bean
 * that reaches the application a {@code @SpringBootTest} runs on a random port, and closes its sockets after each
 * test. The {@code with...} methods return a copy with another setting; {@link #close()} closes the sockets of the
 * client and of all its copies.
 */
public final class RealtimeTestClient implements AutoCloseable {

	/** How long a client waits for a connection, an answer or an event, unless told otherwise. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private static final String DEFAULT_PATH = "/socket.io/";

	private final Supplier<String> origin;

	private final String path;

	private final Duration timeout;

	private final List<String> transports;

	private final Map<String, List<String>> headers;

	private final JsonMapper mapper;

	private final Queue<TestSocket> sockets;

	RealtimeTestClient(Supplier<String> origin, String path, JsonMapper mapper) {
		this(origin, path, DEFAULT_TIMEOUT, List.of("polling", "websocket"), Map.of(), mapper,
				new ConcurrentLinkedQueue<>());
	}

	private RealtimeTestClient(Supplier<String> origin, String path, Duration timeout, List<String> transports,
			Map<String, List<String>> headers, JsonMapper mapper, Queue<TestSocket> sockets) {
		this.origin = origin;
		this.path = path;
		this.timeout = timeout;
		this.transports = transports;
		this.headers = headers;
		this.mapper = mapper;
		this.sockets = sockets;
	}

	/**
	 * A client of the server at this origin ({@code http://localhost:8080}), whose endpoint is at the default path
	 * {@code /socket.io/}.
	 */
	public static RealtimeTestClient create(String origin) {
		return new RealtimeTestClient(() -> origin, DEFAULT_PATH, JsonMapper.shared());
	}

	/** The same client, whose sockets wait this long for a connection, an answer or an event. */
	public RealtimeTestClient withTimeout(Duration timeout) {
		return new RealtimeTestClient(this.origin, this.path, timeout, this.transports, this.headers, this.mapper,
				this.sockets);
	}

	/** The same client, on these transports ({@code polling}, {@code websocket}) in this order. */
	public RealtimeTestClient withTransports(String... transports) {
		return new RealtimeTestClient(this.origin, this.path, this.timeout, List.of(transports), this.headers,
				this.mapper, this.sockets);
	}

	/** The same client, sending this header with its HTTP requests (a browser's {@code Origin}, a bearer token). */
	public RealtimeTestClient withHeader(String name, String value) {
		Map<String, List<String>> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, List.of(value));
		return new RealtimeTestClient(this.origin, this.path, this.timeout, this.transports, Map.copyOf(headers),
				this.mapper, this.sockets);
	}

	/** The same client, for an endpoint at another path ({@code realtime.path}). */
	public RealtimeTestClient withPath(String path) {
		return new RealtimeTestClient(this.origin, path, this.timeout, this.transports, this.headers, this.mapper,
				this.sockets);
	}

	/** Connects to a namespace without an {@code auth} payload, and waits until it is connected. */
	public TestSocket connect(String namespace) {
		return connect(namespace, Map.of());
	}

	/**
	 * Connects to a namespace with this {@code auth} payload ({@code io(url, {auth})}), and waits until it is
	 * connected.
	 * @throws AssertionError when the namespace refuses it, with the error's message, or nothing happens in time
	 */
	public TestSocket connect(String namespace, Map<String, String> auth) {
		TestSocket socket = open(namespace, auth);
		socket.awaitConnected();
		return socket;
	}

	/**
	 * Connects to a namespace with this {@code auth} payload; completes with the socket once connected, or with an
	 * {@link AssertionError} when the namespace refuses it.
	 */
	public CompletableFuture<TestSocket> connectAsync(String namespace, Map<String, String> auth) {
		TestSocket socket = open(namespace, auth);
		return socket.connection().thenApply((connected) -> socket);
	}

	/**
	 * Tries to connect to a namespace with this {@code auth} payload, and returns the {@code connect_error} that
	 * refused it.
	 * @throws AssertionError when the socket connects instead, or nothing happens in time
	 */
	public ConnectError connectError(String namespace, Map<String, String> auth) {
		return open(namespace, auth).awaitConnectError();
	}

	private TestSocket open(String namespace, Map<String, String> auth) {
		if (!namespace.startsWith("/")) {
			throw new IllegalArgumentException("A namespace starts with '/': \"" + namespace + "\"");
		}
		IO.Options options = IO.Options.builder()
			.setPath(this.path)
			.setTransports(this.transports.toArray(String[]::new))
			.setExtraHeaders(this.headers)
			.setAuth(auth)
			.setForceNew(true)
			.setReconnection(false)
			.setTimeout(this.timeout.toMillis())
			.build();
		Socket client = IO.socket(URI.create(this.origin.get() + namespace), options);
		TestSocket socket = new TestSocket(client, namespace, this.timeout, this.mapper);
		this.sockets.add(socket);
		client.connect();
		return socket;
	}

	/** Closes every socket this client and its copies connected. */
	@Override
	public void close() {
		TestSocket socket;
		while ((socket = this.sockets.poll()) != null) {
			socket.close();
		}
	}

}
