package dev.realtime.test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.socket.client.Ack;
import io.socket.client.Socket;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A socket of a {@link RealtimeTestClient}, connected to one namespace. Arguments go out as plain Java values, maps,
 * lists, records or other objects the application's {@link JsonMapper} can write, and {@code byte[]} for binary
 * data; what comes back is plain Java values, or the type asked for. Every event is recorded from the start, so an
 * event the server emits on connect is there for {@link #await(String)}. Each blocking method waits at most the
 * client's timeout, then fails with an {@link AssertionError} that says what did not arrive; each async one
 * completes exceptionally with a {@link TimeoutException} then, never on the client's own event thread.
 */
public final class TestSocket implements AutoCloseable {

	private final Socket socket;

	private final String namespace;

	private final Duration timeout;

	private final JsonMapper mapper;

	private final ReceivedEvents events = new ReceivedEvents();

	private final CompletableFuture<Void> connected = new CompletableFuture<>();

	private final CompletableFuture<ConnectError> refused = new CompletableFuture<>();

	private final CompletableFuture<String> disconnected = new CompletableFuture<>();

	TestSocket(Socket socket, String namespace, Duration timeout, JsonMapper mapper) {
		this.socket = socket;
		this.namespace = namespace;
		this.timeout = timeout;
		this.mapper = mapper;
		socket.onAnyIncoming((args) -> this.events.add(String.valueOf(args[0]),
				JsonValues.fromClient(Arrays.copyOfRange(args, 1, args.length))));
		socket.on(Socket.EVENT_CONNECT, (args) -> this.connected.complete(null));
		socket.on(Socket.EVENT_CONNECT_ERROR, (args) -> {
			ConnectError error = ConnectError.of(args);
			this.refused.complete(error);
			this.connected.completeExceptionally(new AssertionError("The socket of " + namespace + " was refused: "
					+ error.message() + ((error.data() != null) ? " " + error.data() : "")));
		});
		socket.on(Socket.EVENT_DISCONNECT, (args) -> this.disconnected.complete(String.valueOf(args[0])));
	}

	/** The socket's id, which the server knows it by; null until it connected. */
	public @Nullable String id() {
		return this.socket.id();
	}

	public String namespace() {
		return this.namespace;
	}

	public boolean isConnected() {
		return this.socket.connected();
	}

	/** The official client's socket, for what this class does not cover. */
	public Socket socket() {
		return this.socket;
	}

	/** Sends an event. */
	public void emit(String event, Object... args) {
		this.socket.emit(event, JsonValues.toClient(args, this.mapper));
	}

	/** Sends an event and waits for its acknowledgement: the answer's first argument, null when it has none. */
	public @Nullable Object emitWithAck(String event, Object... args) {
		return first(await(emitWithAckAsync(event, args), "an answer to \"" + event + "\""));
	}

	/** Sends an event and waits for its acknowledgement, its first argument read as the given type. */
	public <T> @Nullable T emitWithAck(Class<T> answerType, String event, Object... args) {
		return this.mapper.convertValue(emitWithAck(event, args), answerType);
	}

	/** Sends an event that asks for an acknowledgement, which completes with every argument of the answer. */
	public CompletableFuture<List<Object>> emitWithAckAsync(String event, Object... args) {
		CompletableFuture<List<Object>> answer = new CompletableFuture<>();
		this.socket.emit(event, JsonValues.toClient(args, this.mapper),
				(Ack) (reply) -> answer.complete(JsonValues.fromClient(reply)));
		return bounded(answer);
	}

	/** Waits for the next occurrence of an event (one that already arrived and was not awaited yet counts). */
	public @Nullable Object await(String event) {
		return first(awaitArguments(event));
	}

	/** Waits for the next occurrence of an event, its first argument read as the given type. */
	public <T> @Nullable T await(String event, Class<T> type) {
		return this.mapper.convertValue(await(event), type);
	}

	/** Waits for the next occurrence of an event, and returns every argument it came with. */
	public List<Object> awaitArguments(String event) {
		return await(next(event), "\"" + event + "\"");
	}

	/** Completes with every argument of the next occurrence of an event. */
	public CompletableFuture<List<Object>> next(String event) {
		return bounded(this.events.next(event));
	}

	/**
	 * Every occurrence of an event that arrived and was not awaited yet, without waiting or taking them: since the
	 * server handles the events of one socket in order, an event that would have come before an answer is there by
	 * the time the answer is.
	 */
	public List<List<Object>> arrived(String event) {
		return this.events.arrived(event);
	}

	/** Waits until the server disconnects the socket, or its connection ends: the reason the client gives. */
	public String awaitDisconnect() {
		return await(bounded(this.disconnected.copy()), "a disconnection");
	}

	/** Disconnects from the namespace, as a client that leaves. */
	@Override
	public void close() {
		this.socket.close();
	}

	void awaitConnected() {
		await(connection(), "a connection");
	}

	CompletableFuture<Void> connection() {
		return bounded(this.connected.copy());
	}

	ConnectError awaitConnectError() {
		try {
			this.connected.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			close();
			throw new AssertionError("Expected " + this.namespace + " to refuse the socket, but it connected as "
					+ id());
		}
		catch (ExecutionException ex) {
			return this.refused.join();
		}
		catch (TimeoutException ex) {
			throw new AssertionError("Neither a connection nor a connect_error on " + this.namespace + " within "
					+ this.timeout.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for a connect_error", ex);
		}
	}

	/**
	 * Ends the future with a {@link TimeoutException} once the timeout passed, and completes what it returns off the
	 * client's event thread, which code chained on it must not hold up.
	 */
	private <T> CompletableFuture<T> bounded(CompletableFuture<T> future) {
		return future.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS).thenApplyAsync(Function.identity());
	}

	private <T> T await(CompletableFuture<T> future, String what) {
		try {
			return future.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TimeoutException) {
				throw new AssertionError("No " + what + " within " + this.timeout.toMillis() + " ms on " + this);
			}
			if (ex.getCause() instanceof AssertionError error) {
				throw error;
			}
			throw new AssertionError("Waiting for " + what + " on " + this + " failed", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for " + what, ex);
		}
	}

	private static @Nullable Object first(List<Object> args) {
		return args.isEmpty() ? null : args.get(0);
	}

	@Override
	public String toString() {
		return "socket " + ((id() != null) ? id() + " " : "") + "of " + this.namespace;
	}

}
