package dev.realtime.benchmarks.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;

/**
 * Opens WebSocket connections to a server on the loopback interface, from several loopback source addresses so
 * that ephemeral ports do not run out, all served by one I/O thread.
 */
public final class LoadGenerator implements AutoCloseable {

	private static final int TIMEOUT_MILLIS = 15_000;

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private final int firstSource;

	private final int sourceAddresses;

	private final AtomicInteger next = new AtomicInteger();

	/**
	 * @param sourceAddresses how many of 127.0.0.2, 127.0.0.3, ... connections come from, in turn
	 */
	public LoadGenerator(int sourceAddresses) {
		this(0, sourceAddresses);
	}

	/**
	 * @param firstSource which of 127.0.0.2, 127.0.0.3, ... to start from, counting from 0
	 * @param sourceAddresses how many addresses from there connections come from, in turn
	 */
	public LoadGenerator(int firstSource, int sourceAddresses) {
		this.firstSource = firstSource;
		this.sourceAddresses = sourceAddresses;
	}

	/** Connects to a server and completes once the connection is in the dialect's namespace. */
	public CompletableFuture<Connection> connect(int port, Dialect dialect, FrameListener listener) {
		return connect(port, dialect, listener, 0);
	}

	/**
	 * Connects with a receive buffer of this size, {@code SO_RCVBUF} set before the handshake so that the window
	 * the connection advertises stays that small, or 0 for the system's own, which grows with the traffic.
	 */
	public CompletableFuture<Connection> connect(int port, Dialect dialect, FrameListener listener,
			int receiveBufferBytes) {
		URI uri = URI.create("ws://127.0.0.1:" + port + dialect.path());
		ClientHandler handler = new ClientHandler(dialect, listener);
		WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
			.webSocketUri(uri)
			.absoluteUpgradeUrl(false)
			.handshakeTimeoutMillis(TIMEOUT_MILLIS)
			.build();
		Bootstrap bootstrap = new Bootstrap().group(this.group)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, TIMEOUT_MILLIS)
			.option(ChannelOption.TCP_NODELAY, true)
			.option(ChannelOption.SO_RCVBUF, (receiveBufferBytes > 0) ? receiveBufferBytes : null)
			.handler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
								new WebSocketClientProtocolHandler(config), handler);
				}

			});
		ChannelFuture connecting = bootstrap.connect(new InetSocketAddress("127.0.0.1", port), nextSource());
		connecting.addListener((future) -> {
			if (!future.isSuccess()) {
				handler.ready().completeExceptionally(future.cause());
			}
		});
		return handler.ready().orTimeout(2L * TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
	}

	private InetSocketAddress nextSource() {
		int index = Math.floorMod(this.next.getAndIncrement(), this.sourceAddresses);
		return new InetSocketAddress("127.0.0." + (2 + this.firstSource + index), 0);
	}

	@Override
	public void close() {
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

}
