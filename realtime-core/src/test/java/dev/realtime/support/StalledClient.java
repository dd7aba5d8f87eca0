package dev.realtime.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client that joins a room and then stops reading (a phone in a tunnel, or someone who wants to hurt the
 * service): over WebSocket with a tiny receive buffer, or over long-polling with no GET after the handshake.
 */
public final class StalledClient implements AutoCloseable {

	private final Socket socket;

	private StalledClient(Socket socket) {
		this.socket = socket;
	}

	/** Opens a WebSocket, connects to the main namespace and sends {@code join(room)}; then reads nothing. */
	public static StalledClient webSocket(int port, String room) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		OutputStream out = socket.getOutputStream();
		out.write(("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
				+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		readResponseHead(socket.getInputStream());
		out.write(maskedText("40"));
		out.write(maskedText("42[\"join\",\"" + room + "\"]"));
		out.flush();
		return new StalledClient(socket);
	}

	/**
	 * Opens a polling session, connects and sends {@code join(room)}; then never polls again.
	 * @return the session's URL, to poll it after all
	 */
	public static String polling(int port, String room) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling";
		String open = http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String sid = open.substring(open.indexOf("\"sid\":\"") + 7, open.indexOf('"', open.indexOf("\"sid\":\"") + 7));
		String session = base + "&sid=" + sid;
		post(http, session, "40");
		post(http, session, "42[\"join\",\"" + room + "\"]");
		return session;
	}

	/** Ends a polling session from the client's side. */
	public static void closePolling(String session) throws Exception {
		post(HttpClient.newHttpClient(), session, "1");
	}

	/** One GET of a polling session: what the server queued for it. */
	public static String poll(String session) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(session)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static void post(HttpClient http, String url, String body) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
		}
	}

	/**
	 * Starts reading again and drains what the server sent; true if the server closed the connection within the
	 * time given.
	 */
	public boolean closedByServer(Duration within) throws IOException {
		long deadline = System.nanoTime() + within.toNanos();
		byte[] buffer = new byte[64 * 1024];
		InputStream in = this.socket.getInputStream();
		while (System.nanoTime() < deadline) {
			this.socket.setSoTimeout(500);
			try {
				if (in.read(buffer) < 0) {
					return true;
				}
			}
			catch (SocketTimeoutException ex) {
				// nothing yet: look again
			}
			catch (IOException ex) {
				return true;
			}
		}
		return false;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	private static void readResponseHead(InputStream in) throws IOException {
		int matched = 0;
		while (matched < 4) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("Connection closed during the handshake");
			}
			matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r') ? 1 : 0;
		}
	}

	private static byte[] maskedText(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		byte[] frame = new byte[6 + payload.length];
		frame[0] = (byte) 0x81;
		frame[1] = (byte) (0x80 | payload.length);
		System.arraycopy(mask, 0, frame, 2, 4);
		for (int i = 0; i < payload.length; i++) {
			frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
		}
		return frame;
	}

}
