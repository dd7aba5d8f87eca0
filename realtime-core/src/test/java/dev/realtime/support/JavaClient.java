package dev.realtime.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;

/**
 * The official Java Socket.IO client, with every received event recorded so tests can wait for it.
 */
public final class JavaClient implements AutoCloseable {

	public static final long WAIT_SECONDS = 10;

	private final Socket socket;

	private final Map<String, BlockingQueue<Object[]>> received = new ConcurrentHashMap<>();

	private JavaClient(Socket socket) {
		this.socket = socket;
		socket.onAnyIncoming((args) -> record(String.valueOf(args[0]), Arrays.copyOfRange(args, 1, args.length)));
		for (String event : new String[] { Socket.EVENT_CONNECT, Socket.EVENT_CONNECT_ERROR, Socket.EVENT_DISCONNECT }) {
			socket.on(event, (args) -> record(event, args));
		}
	}

	/** Connects to a namespace over the given transports ("websocket", "polling"), without reconnection. */
	public static JavaClient connect(int port, String namespace, Map<String, String> auth, String... transports) {
		return connect(port, namespace, IO.Options.builder().setTransports(transports).setAuth(auth).build());
	}

	/** Connects to a namespace with these options (extra headers, ...), without reconnection. */
	public static JavaClient connect(int port, String namespace, IO.Options options) {
		return connect(URI.create("http://localhost:" + port + namespace), options);
	}

	/** Connects to the namespace of this URL with these options, without reconnection. */
	public static JavaClient connect(URI url, IO.Options options) {
		options.forceNew = true;
		options.reconnection = false;
		JavaClient client = new JavaClient(IO.socket(url, options));
		client.socket.connect();
		return client;
	}

	public Socket socket() {
		return this.socket;
	}

	private void record(String event, Object[] args) {
		this.received.computeIfAbsent(event, (name) -> new LinkedBlockingQueue<>()).add(args);
	}

	/** Waits for the next occurrence of an event and returns its arguments. */
	public Object[] await(String event) {
		try {
			Object[] args = this.received.computeIfAbsent(event, (name) -> new LinkedBlockingQueue<>())
				.poll(WAIT_SECONDS, TimeUnit.SECONDS);
			if (args == null) {
				throw new AssertionError("No \"" + event + "\" within " + WAIT_SECONDS + "s");
			}
			return args;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** Waits for the next occurrences of an event and returns the first argument of each, in arrival order. */
	public List<Object> awaitFirstArguments(String event, int count) {
		List<Object> received = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			received.add(await(event)[0]);
		}
		return received;
	}

	/** Whether an event arrives within the given time; for checking that something does not happen. */
	public boolean receives(String event, long millis) throws InterruptedException {
		return this.received.computeIfAbsent(event, (name) -> new LinkedBlockingQueue<>())
			.poll(millis, TimeUnit.MILLISECONDS) != null;
	}

	/** Emits with an acknowledgement and waits for it. */
	public Object[] emitWithAck(String event, Object... args) throws Exception {
		CompletableFuture<Object[]> answer = new CompletableFuture<>();
		Object[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = (Ack) answer::complete;
		this.socket.emit(event, all);
		return answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
	}

	public JavaClient awaitConnect() {
		await(Socket.EVENT_CONNECT);
		return this;
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
