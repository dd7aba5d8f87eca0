package dev.realtime.benchmarks.client;

import java.util.concurrent.CompletableFuture;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * One client connection of the generator, open and in its namespace.
 */
public final class Connection {

	private final Channel channel;

	private final CompletableFuture<Void> closed = new CompletableFuture<>();

	Connection(Channel channel) {
		this.channel = channel;
		channel.closeFuture().addListener((future) -> this.closed.complete(null));
	}

	public void send(Frame frame) {
		this.channel.writeAndFlush(new TextWebSocketFrame(frame.content()), this.channel.voidPromise());
	}

	public void send(String text) {
		this.channel.writeAndFlush(new TextWebSocketFrame(text), this.channel.voidPromise());
	}

	/**
	 * Stops reading from the socket: what the server sends then fills the kernel's receive buffer, then the
	 * server's send buffer, then whatever the server queues itself.
	 */
	public void pauseReading() {
		this.channel.config().setAutoRead(false);
	}

	public void resumeReading() {
		this.channel.config().setAutoRead(true);
	}

	/** Completes when the connection is closed, by either side. */
	public CompletableFuture<Void> closed() {
		return this.closed;
	}

	public CompletableFuture<Void> close() {
		this.channel.close();
		return this.closed;
	}

}
