package dev.realtime.benchmarks.client;

import java.util.concurrent.CompletableFuture;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;

/**
 * Takes a connection from the WebSocket handshake into its namespace, answers Engine.IO pings, and hands every other
 * frame to the scenario's listener.
 */
final class ClientHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

	private static final String ENGINE_OPEN = "0{";

	private static final String ENGINE_PING = "2";

	private static final String ENGINE_PONG = "3";

	private final Dialect dialect;

	private final FrameListener listener;

	private final CompletableFuture<Connection> ready = new CompletableFuture<>();

	private Connection connection;

	ClientHandler(Dialect dialect, FrameListener listener) {
		this.dialect = dialect;
		this.listener = listener;
	}

	CompletableFuture<Connection> ready() {
		return this.ready;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext context) {
		this.connection = new Connection(context.channel());
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext context, Object event) {
		if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE && !this.dialect.engineIo()) {
			this.ready.complete(this.connection);
		}
		else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
			this.ready.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
		}
		context.fireUserEventTriggered(event);
	}

	@Override
	protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame message) {
		String frame = message.text();
		if (this.ready.isDone()) {
			if (this.dialect.engineIo() && ENGINE_PING.equals(frame)) {
				this.connection.send(ENGINE_PONG);
			}
			else {
				this.listener.onFrame(this.connection, frame);
			}
		}
		else if (frame.startsWith(ENGINE_OPEN)) {
			this.connection.send(this.dialect.connectFrame());
		}
		else if (this.dialect.isConnected(frame)) {
			this.ready.complete(this.connection);
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext context) {
		this.ready.completeExceptionally(new IllegalStateException("Closed before joining the namespace"));
		context.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
		this.ready.completeExceptionally(cause);
		context.close();
	}

}
