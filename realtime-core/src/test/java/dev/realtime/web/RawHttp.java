package dev.realtime.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Sends bytes as they are to a local port and reads back one HTTP response, for requests that no HTTP client would
 * send: malformed request lines, forbidden headers, broken WebSocket upgrades.
 */
final class RawHttp {

	private static final int TIMEOUT_MILLIS = 5_000;

	private static final int MAX_BODY = 64 * 1024;

	private RawHttp() {
	}

	/**
	 * Sends the request and reads the response's head and body (by its length, its chunks, or up to the end of the
	 * stream); only the head of an answer that has no body. Null when the server closed the connection without answering.
	 * @param endOfInput whether to end the stream after the request, for one whose framing may be broken
	 */
	static @Nullable Response exchange(int port, byte[] request, boolean endOfInput) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
				if (endOfInput) {
					socket.shutdownOutput();
				}
			}
			catch (SocketException ex) {
				// the server may refuse a request and close before reading all of it: its answer is still there
			}
			boolean bodyless = new String(request, 0, Math.min(5, request.length), StandardCharsets.ISO_8859_1)
				.equals("HEAD ");
			return read(socket.getInputStream(), bodyless);
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("No complete response within " + TIMEOUT_MILLIS + " ms", ex);
		}
	}

	private static @Nullable Response read(InputStream in, boolean bodyless) throws IOException {
		String head;
		int status;
		do {
			head = readHead(in);
			if (head == null) {
				return null;
			}
			status = Integer.parseInt(head.substring(0, head.indexOf("\r\n")).split(" ", 3)[1]);
		}
		while (status == 100);
		if (bodyless || status < 200 || status == 204 || status == 304) {
			return new Response(status, head, "");
		}
		String lowerHead = head.toLowerCase(Locale.ROOT);
		String length = header(lowerHead, "content-length");
		byte[] body;
		if (length != null) {
			body = in.readNBytes(Math.min(Integer.parseInt(length), MAX_BODY));
		}
		else if ("chunked".equals(header(lowerHead, "transfer-encoding"))) {
			body = readChunks(in);
		}
		else {
			body = readToEnd(in);
		}
		return new Response(status, head, new String(body, StandardCharsets.UTF_8));
	}

	private static @Nullable String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		int next;
		try {
			while (matched < 4 && (next = in.read()) != -1) {
				head.write(next);
				matched = (next == ((matched % 2 == 0) ? '\r' : '\n')) ? matched + 1 : ((next == '\r') ? 1 : 0);
			}
		}
		catch (SocketException ex) {
			// reset by the server
		}
		return (matched == 4) ? head.toString(StandardCharsets.ISO_8859_1) : null;
	}

	private static @Nullable String header(String lowerHead, String name) {
		int start = lowerHead.indexOf("\r\n" + name + ":");
		if (start == -1) {
			return null;
		}
		int value = start + name.length() + 3;
		return lowerHead.substring(value, lowerHead.indexOf("\r\n", value)).strip();
	}

	private static byte[] readChunks(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (body.size() < MAX_BODY) {
			String sizeLine = readLine(in);
			int size = Integer.parseInt(sizeLine.split(";", 2)[0].strip(), 16);
			if (size == 0) {
				break;
			}
			body.writeBytes(in.readNBytes(size));
			readLine(in);
		}
		return body.toByteArray();
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int next;
		while ((next = in.read()) != -1 && next != '\n') {
			if (next != '\r') {
				line.write(next);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private static byte[] readToEnd(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		int count;
		try {
			while (body.size() < MAX_BODY && (count = in.read(chunk)) != -1) {
				body.write(chunk, 0, count);
			}
		}
		catch (SocketException ex) {
			// reset by the server after its answer
		}
		return body.toByteArray();
	}

	/** A response's status, its head as sent, and its body as text. */
	record Response(int status, String head, String body) {

	}

}
