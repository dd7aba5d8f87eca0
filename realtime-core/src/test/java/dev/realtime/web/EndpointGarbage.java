package dev.realtime.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Seeded random and mutated input for the endpoint: HTTP requests (query strings, headers, bodies, methods,
 * WebSocket upgrades) and WebSocket frames (Engine.IO and Socket.IO look-alikes, random text and bytes). The same
 * seed gives the same input.
 */
final class EndpointGarbage {

	private static final String[] QUERY_PIECES = { "%", "%zz", "%4", "%e9", "%c3%28", "%ff%fe", "%00", "%0d%0a", "+",
			"&", "=", "&&", "==", "%%", "%25", "%2", "%u00e9", "é", " ", "#", "[]", "\\", "'", "\"", "<>", ";" };

	private static final String[] EVENTS = { "echo", "point", "numbers", "list", "bytes", "void", "unknown", "",
			"#subscribe", "#publish", "#unsubscribe", "connect", "disconnect", "error" };

	private final Random random;

	EndpointGarbage(long seed) {
		this.random = new Random(seed);
	}

	/** A request to the endpoint at {@code path}: plausible, then garbled; {@code sid} is a live session's id. */
	byte[] httpRequest(String path, int port, @Nullable String sid) {
		boolean upgrade = chance(30);
		String method = upgrade ? pick("GET", "GET", "GET", "POST", "PUT", "OPTIONS")
				: pick("GET", "GET", "POST", "POST", "POST", "OPTIONS", "PUT", "DELETE", "HEAD", "PATCH", "FOO");
		StringBuilder head = new StringBuilder();
		head.append(method).append(' ').append(target(path, upgrade, sid)).append(' ')
			.append(chance(95) ? "HTTP/1.1" : pick("HTTP/1.0", "HTTP/2", "HTTP/9.9", "HTTP/1.1 x", "HTP/1.1"))
			.append("\r\n");
		List<String> headers = new ArrayList<>();
		if (chance(97)) {
			headers.add("Host: localhost:" + port);
		}
		if (upgrade) {
			upgradeHeaders(headers);
		}
		else {
			headers.add("Connection: close");
		}
		if (chance(30)) {
			headers.add("Origin: " + pick("http://localhost:" + port, "http://evil.example", "null", "garbage", "http://",
					"http://localhost:" + port + "/" + "o".repeat(between(1, 9000)), "http://[::1", "://"));
		}
		if (chance(20)) {
			headers.add("Access-Control-Request-Headers: " + pick("content-type", "x, y, z", "a".repeat(between(1, 9000))));
		}
		if (chance(10)) {
			// around the container's limit for a request head
			headers.add("X-Long: " + "l".repeat(between(4_000, 20_000)));
		}
		if (chance(15)) {
			headers.add(randomHeader());
		}
		byte[] body = (method.equals("POST") || chance(5)) ? body() : new byte[0];
		boolean chunked = body.length > 0 && chance(15);
		if (body.length > 0 || method.equals("POST")) {
			if (chance(85)) {
				headers.add("Content-Type: " + pick("text/plain;charset=UTF-8", "text/plain", "application/octet-stream",
						"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain; charset=nope",
						"application/json", "garbage", ""));
			}
			headers.add(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length);
		}
		if (chance(20)) {
			Collections.shuffle(headers, this.random);
		}
		headers.forEach((header) -> head.append(header).append("\r\n"));
		head.append("\r\n");
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		request.writeBytes(chunked ? chunks(body) : body);
		return request.toByteArray();
	}

	/**
	 * Flips, inserts or removes a few bytes after the endpoint's path, which stays as it is (a request elsewhere is
	 * the application's): the framing of the request may no longer hold.
	 */
	byte[] mutate(byte[] request, String path) {
		int from = new String(request, StandardCharsets.ISO_8859_1).indexOf(path) + path.length();
		byte[] mutated = request;
		for (int i = between(1, 3); i > 0 && mutated.length > from; i--) {
			int at = from + this.random.nextInt(mutated.length - from);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(mutated, 0, at);
			switch (this.random.nextInt(3)) {
				case 0 -> {
					out.write(this.random.nextInt(256));
					out.write(mutated, at + 1, mutated.length - at - 1);
				}
				case 1 -> {
					out.writeBytes(randomBytes(between(1, 8)));
					out.write(mutated, at, mutated.length - at);
				}
				default -> {
					int end = Math.min(mutated.length, at + between(1, 16));
					out.write(mutated, end, mutated.length - end);
				}
			}
			mutated = out.toByteArray();
		}
		return mutated;
	}

	boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	/** A text frame for an open Engine.IO WebSocket, mostly shaped like Engine.IO and Socket.IO packets. */
	String webSocketText() {
		return switch (this.random.nextInt(10)) {
			case 0 -> pick("2", "3", "2probe", "3probe", "5", "6", "1", "0", "7", "", "b", "bAAA", "b***", "4");
			case 1 -> randomText(between(0, 200));
			case 2 -> "b" + Base64.getEncoder().encodeToString(randomBytes(between(0, 64)));
			default -> "4" + socketIoPacket();
		};
	}

	/** A binary frame: random bytes, sometimes an attachment that no header announced. */
	byte[] webSocketBinary() {
		return randomBytes(between(0, 300));
	}

	/** Bytes written straight to an upgraded connection: frames with random headers, masks and lengths. */
	byte[] rawFrames() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = between(1, 4); i > 0; i--) {
			if (chance(30)) {
				out.writeBytes(randomBytes(between(1, 40)));
				continue;
			}
			byte[] payload = chance(50) ? ("4" + socketIoPacket()).getBytes(StandardCharsets.UTF_8)
					: randomBytes(between(0, 200));
			int opcode = chance(70) ? pickInt(0x1, 0x2, 0x8, 0x9, 0xA) : this.random.nextInt(16);
			out.write((chance(85) ? 0x80 : 0) | (chance(5) ? 0x40 : 0) | opcode);
			boolean masked = chance(90);
			out.write((masked ? 0x80 : 0) | (chance(90) ? payload.length : this.random.nextInt(128)) & 0xFF);
			byte[] mask = randomBytes(4);
			if (masked) {
				out.writeBytes(mask);
			}
			for (int j = 0; j < payload.length; j++) {
				out.write(masked ? payload[j] ^ mask[j % 4] : payload[j]);
			}
		}
		return out.toByteArray();
	}

	private String target(String path, boolean upgrade, @Nullable String sid) {
		List<String> parameters = new ArrayList<>();
		if (chance(95)) {
			parameters.add("EIO=" + pick("4", "4", "4", "4", "3", "5", "", "x", "%34", "4%00", "04"));
		}
		if (chance(95)) {
			String transport = upgrade ? "websocket" : "polling";
			parameters.add("transport=" + (chance(85) ? transport
					: pick("websocket", "polling", "", "flashsocket", "WEBSOCKET", "polling%00", "web%73ocket")));
		}
		if (chance(60)) {
			parameters.add("sid=" + ((sid != null && chance(70)) ? sid
					: pick("", "AAAAAAAAAAAAAAAAAAAA", Base64.getUrlEncoder().encodeToString(randomBytes(15)), "%zz")));
		}
		if (chance(40)) {
			parameters.add("t=" + Long.toString(this.random.nextLong(), 36));
		}
		for (int i = this.random.nextInt(3); i > 0; i--) {
			parameters.add(randomToken(between(0, 8)) + (chance(70) ? "=" + randomToken(between(0, 12)) : ""));
		}
		if (chance(20)) {
			Collections.shuffle(parameters, this.random);
		}
		StringBuilder query = new StringBuilder(String.join("&", parameters));
		for (int i = chance(35) ? between(1, 3) : 0; i > 0; i--) {
			query.insert(this.random.nextInt(query.length() + 1), pick(QUERY_PIECES));
		}
		if (chance(2)) {
			query.append("&x=").append("q".repeat(between(1_000, 12_000)));
		}
		String at = chance(90) ? path : pick(path + "x", path + "a/b/../c", path + "%zz", path + "//", path + ";jsessionid=x");
		return at + (chance(97) ? "?" : "") + query;
	}

	private void upgradeHeaders(List<String> headers) {
		if (chance(92)) {
			headers.add("Upgrade: " + (chance(80) ? "websocket" : pick("WebSocket", "h2c", "websocket2", "", "web socket",
					"websocket, h2c", randomToken(6))));
		}
		if (chance(92)) {
			headers.add("Connection: " + (chance(80) ? "Upgrade" : pick("keep-alive, Upgrade", "upgrade", "close",
					"keep-alive", "", "Upgradex", randomToken(6))));
		}
		if (chance(90)) {
			headers.add("Sec-WebSocket-Key: " + (chance(75) ? Base64.getEncoder().encodeToString(randomBytes(16))
					: pick(Base64.getEncoder().encodeToString(randomBytes(15)),
							Base64.getEncoder().encodeToString(randomBytes(17)), "not base64!", "", "====",
							"dGhlIHNhbXBsZSBub25jZQ", randomToken(24))));
		}
		if (chance(5)) {
			headers.add("Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(randomBytes(16)));
		}
		if (chance(90)) {
			headers.add("Sec-WebSocket-Version: " + (chance(80) ? "13" : pick("8", "12", "14", "", "13, 8", "x", "-1",
					"99999999999999999999")));
		}
		if (chance(20)) {
			headers.add("Sec-WebSocket-Extensions: " + pick("permessage-deflate", "permessage-deflate; client_max_window_bits",
					"permessage-deflate; server_max_window_bits=99", "x-unknown", ";;;", "permessage-deflate; =",
					randomText(20).replaceAll("[\\r\\n]", "")));
		}
		if (chance(10)) {
			headers.add("Sec-WebSocket-Protocol: " + pick("chat", "", ",,", randomToken(10)));
		}
	}

	private byte[] body() {
		return switch (this.random.nextInt(12)) {
			case 0, 1 -> randomBytes(between(0, 2_000));
			case 2 -> randomText(between(0, 500)).getBytes(StandardCharsets.UTF_8);
			case 3 -> (chance(10) ? "4" + "x".repeat(1_000_001) : "").getBytes(StandardCharsets.UTF_8);
			default -> {
				StringBuilder payload = new StringBuilder();
				for (int i = between(1, 4); i > 0; i--) {
					if (!payload.isEmpty() || chance(5)) {
						payload.append('\u001e');
					}
					payload.append(webSocketText());
				}
				yield payload.toString().getBytes(StandardCharsets.UTF_8);
			}
		};
	}

	private byte[] chunks(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int size = Math.min(body.length - at, between(1, 512));
			out.writeBytes((chance(97) ? Integer.toHexString(size) : pick("zz", "-1", "", ";"))
				.getBytes(StandardCharsets.US_ASCII));
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			out.write(body, at, size);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			at += size;
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	private String socketIoPacket() {
		StringBuilder packet = new StringBuilder();
		packet.append(chance(90) ? (char) ('0' + pickInt(0, 1, 2, 2, 2, 2, 3, 4, 5, 6)) : randomChar());
		if (chance(15)) {
			packet.append(pick("0", "1", "2", "-1", "99999999999", "x")).append('-');
		}
		if (chance(20)) {
			packet.append(pick("/", "/chat", "/x", "/" + randomToken(5), "//", "/%zz")).append(',');
		}
		if (chance(30)) {
			packet.append(pick("0", "1", "42", "9999999999999999999999", "-1", "007"));
		}
		if (chance(90)) {
			String data = chance(75) ? eventArray() : json(3);
			packet.append(chance(10) ? data.substring(0, this.random.nextInt(data.length() + 1)) : data);
		}
		return packet.toString();
	}

	private String eventArray() {
		StringBuilder array = new StringBuilder("[");
		array.append(chance(90) ? quote(pick(EVENTS)) : json(1));
		for (int i = this.random.nextInt(4); i > 0; i--) {
			array.append(',').append(json(3));
		}
		return array.append(']').toString();
	}

	private String json(int depth) {
		int kind = this.random.nextInt((depth > 0) ? 9 : 6);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> pick("true", "false");
			case 2 -> pick("0", "-1", "42", "3.5", "1e400", "-0", "99999999999999999999", "NaN");
			case 3 -> quote(randomText(between(0, 20)));
			case 4 -> "{\"_placeholder\":true,\"num\":" + pick("0", "1", "-1", "\"x\"") + "}";
			case 5 -> quote(pick("x", "", "a,b"));
			case 6 -> "{\"x\":" + json(depth - 1) + ",\"y\":" + json(depth - 1) + "}";
			case 7 -> "{" + quote(randomToken(4)) + ":" + json(depth - 1) + "}";
			default -> "[" + json(depth - 1) + "," + json(depth - 1) + "]";
		};
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20 || Character.isSurrogate(c)) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	private String randomHeader() {
		return pick("Cookie: " + randomToken(30), "Content-Length: " + pick("-1", "x", "99999999999999999999"),
				"Transfer-Encoding: " + pick("gzip", "chunked, chunked", "x"), "Expect: 100-continue",
				"Authorization: Bearer " + randomToken(20), "X-Forwarded-For: " + randomToken(10),
				"Content-Encoding: gzip", "Accept-Charset: nope", randomToken(8) + ": " + randomToken(8),
				"Bad Header Name: x", ": empty name", "NoColon");
	}

	private String randomText(int length) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < length; i++) {
			text.append(randomChar());
		}
		return text.toString();
	}

	private char randomChar() {
		return switch (this.random.nextInt(4)) {
			case 0 -> (char) this.random.nextInt(0x20);
			case 1 -> (char) between(0x80, 0x2FFF);
			default -> (char) between(0x20, 0x7E);
		};
	}

	private String randomToken(int length) {
		StringBuilder token = new StringBuilder();
		for (int i = 0; i < length; i++) {
			token.append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~".charAt(this.random.nextInt(66)));
		}
		return token.toString();
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private int between(int min, int max) {
		return min + this.random.nextInt(max - min + 1);
	}

	@SafeVarargs
	private <T> T pick(T... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	private int pickInt(int... choices) {
		return choices[this.random.nextInt(choices.length)];
	}

}
