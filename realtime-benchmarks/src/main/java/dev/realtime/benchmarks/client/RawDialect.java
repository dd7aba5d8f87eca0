package dev.realtime.benchmarks.client;

/**
 * The plain frames of the raw WebSocket floor: {@code p} echoed, {@code j} joins, {@code b<n>} broadcasts
 * {@code t<n>}.
 */
record RawDialect(String path) implements Dialect {

	@Override
	public boolean engineIo() {
		return false;
	}

	@Override
	public String connectFrame() {
		throw new UnsupportedOperationException("The raw WebSocket has no namespaces");
	}

	@Override
	public boolean isConnected(String frame) {
		return false;
	}

	@Override
	public String ackRequest() {
		return "p1";
	}

	@Override
	public boolean isAck(String frame) {
		return frame.startsWith("p");
	}

	@Override
	public String joinRequest() {
		return "j";
	}

	@Override
	public boolean isJoined(String frame) {
		return frame.startsWith("j");
	}

	@Override
	public String fanoutRequest(long sequence) {
		return "b" + sequence;
	}

	@Override
	public long delivery(String frame) {
		return frame.startsWith("t") ? Dialect.parseNumber(frame, 1) : -1;
	}

	@Override
	public String fanoutRequest(String text) {
		throw new UnsupportedOperationException("The raw WebSocket broadcasts sequence numbers only");
	}

	@Override
	public int textDelivery(String frame) {
		return -1;
	}

}
