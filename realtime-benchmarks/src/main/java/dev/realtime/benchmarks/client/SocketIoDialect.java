package dev.realtime.benchmarks.client;

/**
 * Engine.IO v4 / Socket.IO v5 text frames: {@code 42} an event, {@code 43} an ack, the namespace after the type
 * unless it is the main one.
 */
final class SocketIoDialect implements Dialect {

	private static final long ACK_ID = 1;

	private static final long JOIN_ID = 2;

	private final String namespace;

	private final String connected;

	private final String ackRequest;

	private final String ackResponse;

	private final String joinRequest;

	private final String joinResponse;

	private final String event;

	private final String delivery;

	private final String textDelivery;

	SocketIoDialect(String namespace) {
		this.namespace = "/".equals(namespace) ? "" : namespace + ",";
		this.connected = "40" + this.namespace + "{";
		this.ackRequest = "42" + this.namespace + ACK_ID + "[\"ping\",1]";
		this.ackResponse = "43" + this.namespace + ACK_ID + "[";
		this.joinRequest = "42" + this.namespace + JOIN_ID + "[\"join\",\"fanout\"]";
		this.joinResponse = "43" + this.namespace + JOIN_ID + "[";
		this.event = "42" + this.namespace + "[\"fanout\",";
		this.delivery = "42" + this.namespace + "[\"tick\",";
		this.textDelivery = this.delivery + "\"";
	}

	@Override
	public String path() {
		return "/socket.io/?EIO=4&transport=websocket";
	}

	@Override
	public boolean engineIo() {
		return true;
	}

	@Override
	public String connectFrame() {
		return "40" + this.namespace;
	}

	@Override
	public boolean isConnected(String frame) {
		return frame.startsWith(this.connected);
	}

	@Override
	public String ackRequest() {
		return this.ackRequest;
	}

	@Override
	public boolean isAck(String frame) {
		return frame.startsWith(this.ackResponse);
	}

	@Override
	public String joinRequest() {
		return this.joinRequest;
	}

	@Override
	public boolean isJoined(String frame) {
		return frame.startsWith(this.joinResponse);
	}

	@Override
	public String fanoutRequest(long sequence) {
		return this.event + sequence + "]";
	}

	@Override
	public long delivery(String frame) {
		return frame.startsWith(this.delivery) ? Dialect.parseNumber(frame, this.delivery.length()) : -1;
	}

	@Override
	public String fanoutRequest(String text) {
		return this.event + "\"" + text + "\"]";
	}

	@Override
	public int textDelivery(String frame) {
		return frame.startsWith(this.textDelivery) ? this.textDelivery.length() : -1;
	}

}
