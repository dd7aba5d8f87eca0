package dev.realtime.benchmarks.client;

/**
 * The frames a server under test understands, written once per scenario and parsed only as far as the generator
 * needs: which frame answers an ack, a join, or delivers a broadcast.
 */
public interface Dialect {

	/** The WebSocket request path, with its query. */
	String path();

	/** Whether the server speaks Engine.IO: sends an open packet first and pings. */
	boolean engineIo();

	/** The frame that joins the namespace once the Engine.IO connection is open; unused without Engine.IO. */
	String connectFrame();

	/** Whether this frame tells that the namespace was joined. */
	boolean isConnected(String frame);

	/** An event with an ack, whose answer is recognised by {@link #isAck}. */
	String ackRequest();

	boolean isAck(String frame);

	/** Joins the broadcast room, answered with a frame recognised by {@link #isJoined}. */
	String joinRequest();

	boolean isJoined(String frame);

	/** Asks the server to send {@code sequence} to every socket of the broadcast room. */
	String fanoutRequest(long sequence);

	/** The sequence a broadcast delivery carries, or -1 when the frame is none. */
	long delivery(String frame);

	/** Asks the server to send this text, which needs no JSON escaping, to every socket of the broadcast room. */
	String fanoutRequest(String text);

	/** Where the text of a broadcast delivery starts in this frame, or -1 when the frame is none. */
	int textDelivery(String frame);

	/** The Socket.IO frames of a namespace. */
	static Dialect socketIo(String namespace) {
		return new SocketIoDialect(namespace);
	}

	/** The plain frames of {@code RawWebSocketHandler}. */
	static Dialect raw(String path) {
		return new RawDialect(path);
	}

	/** Parses the decimal number at {@code start}. */
	static long parseNumber(String frame, int start) {
		long value = 0;
		for (int index = start; index < frame.length(); index++) {
			char digit = frame.charAt(index);
			if (digit < '0' || digit > '9') {
				break;
			}
			value = value * 10 + (digit - '0');
		}
		return value;
	}

}
