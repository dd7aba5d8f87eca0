package dev.realtime.engine;

import java.util.ArrayList;
import java.util.List;

import dev.realtime.websocket.WebSocketConnection;

/**
 * A WebSocket of the project's own on the Servlet API's upgraded connection: frames go out as the bytes each packet
 * encoded once, so a broadcast's recipients share them.
 */
final class ServletWebSocketChannel implements WebSocketChannel {

	private final WebSocketConnection connection;

	ServletWebSocketChannel(WebSocketConnection connection) {
		this.connection = connection;
	}

	@Override
	public boolean send(List<? extends EngineFrame> frames) {
		if (frames.size() == 1) {
			return this.connection.send(List.of(encode(frames.get(0))));
		}
		List<byte[]> encoded = new ArrayList<>(frames.size());
		for (EngineFrame frame : frames) {
			encoded.add(encode(frame));
		}
		return this.connection.send(encoded);
	}

	private byte[] encode(EngineFrame frame) {
		return this.connection.isCompressed() ? frame.compressedWebSocketFrame() : frame.webSocketFrame();
	}

	@Override
	public boolean isBusy() {
		return this.connection.isBusy();
	}

	@Override
	public long queuedBytes() {
		return this.connection.queuedBytes();
	}

	@Override
	public void close() {
		this.connection.close();
	}

	@Override
	public void abort() {
		this.connection.abort();
	}

	@Override
	public void shutdown() {
		this.connection.shutdown();
	}

}
