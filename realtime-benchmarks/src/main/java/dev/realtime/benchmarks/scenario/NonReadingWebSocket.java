package dev.realtime.benchmarks.scenario;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.realtime.benchmarks.client.Connection;
import dev.realtime.benchmarks.client.Dialect;

/**
 * A WebSocket client that stops reading from its socket once its join is acknowledged, with a small receive buffer
 * so that what the server sends piles up on the server's side rather than in the client's kernel. Closed by the
 * server is told by reading again at the end: a connection the server dropped then ends once the rest is read.
 */
final class NonReadingWebSocket implements NonReader {

	/** Small, so that the window this client advertises stays small; the kernel doubles it. */
	private static final int RECEIVE_BUFFER_BYTES = 4096;

	private static final long CLOSE_WAIT_SECONDS = 5;

	private Connection connection;

	@Override
	public void joinAndStop(Target target) throws Exception {
		Dialect dialect = target.server().kind().dialect();
		CompletableFuture<Void> joined = new CompletableFuture<>();
		this.connection = target.generator().connect(target.server().port(), dialect, (connection, frame) -> {
			if (dialect.isJoined(frame)) {
				connection.pauseReading();
				joined.complete(null);
			}
		}, RECEIVE_BUFFER_BYTES).join();
		this.connection.send(dialect.joinRequest());
		try {
			joined.get(30, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			throw new MissingHandlerException("join");
		}
	}

	@Override
	public boolean closedByServer() throws Exception {
		this.connection.resumeReading();
		try {
			this.connection.closed().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		if (this.connection != null) {
			this.connection.close().orTimeout(30, TimeUnit.SECONDS).join();
		}
	}

}
