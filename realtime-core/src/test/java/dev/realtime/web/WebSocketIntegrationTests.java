package dev.realtime.web;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import dev.realtime.support.EngineClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * WebSocket: handshake over the socket, frames, limits, refused upgrades and server shutdown.
 */
class WebSocketIntegrationTests extends EngineIntegrationTests {

	@Test
	void webSocketHandshakeAndEcho() throws Exception {
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket");
		JsonNode value = EngineClient.handshakeValue((String) socket.next());
		assertThat(value.get("upgrades").toString()).isEqualTo("[]");
		String sid = value.get("sid").asString();
		socket.send("4hello");
		assertThat(socket.next()).isEqualTo("4hello");
		socket.send(new byte[] { 1, 2, 3, 4 });
		assertThat((byte[]) socket.next()).containsExactly(1, 2, 3, 4);
		String large = "4" + "y".repeat(100_000);
		socket.send(large);
		assertThat(socket.next()).isEqualTo(large);
		// arrives in many parts: characters of two and four UTF-8 bytes fall across their borders
		String multibyte = "4" + "é😀".repeat(20_000);
		socket.send(multibyte);
		assertThat(socket.next()).isEqualTo(multibyte);
		// past the 64 KB that Jetty allows by default
		byte[] binary = new byte[200_000];
		binary[199_999] = 7;
		socket.send(binary);
		assertThat((byte[]) socket.next()).isEqualTo(binary);
		socket.webSocket.sendClose(1000, "").join();
		await().until(() -> this.listener.has("close:" + sid + ":transport close"));
	}

	@Test
	void webSocketParseErrorAndClosePacket() throws Exception {
		EngineClient.Socket broken = this.client.webSocket("&transport=websocket");
		String brokenSid = EngineClient.handshakeValue((String) broken.next()).get("sid").asString();
		broken.send("abc");
		broken.awaitClose();
		await().until(() -> this.listener.has("close:" + brokenSid + ":parse error"));
		EngineClient.Socket closing = this.client.webSocket("&transport=websocket");
		String closingSid = EngineClient.handshakeValue((String) closing.next()).get("sid").asString();
		closing.send("1");
		closing.awaitClose();
		await().until(() -> this.listener.has("close:" + closingSid + ":transport close"));
	}

	@Test
	void webSocketOverMaxPayloadIsClosed() throws Exception {
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket");
		String sid = EngineClient.handshakeValue((String) socket.next()).get("sid").asString();
		socket.webSocket.sendText("4" + "z".repeat(1_000_000), true);
		socket.awaitClose();
		await().until(() -> this.listener.count("close:" + sid) == 1);
		assertThat(this.listener.count("message:" + sid)).isZero();
	}

	@Test
	void webSocketWithInvalidQueryIsRefused() {
		EngineClient noVersion = new EngineClient(this.port, "/socket.io/") {
			@Override
			public String url(String query) {
				return super.url(query).replace("EIO=4&", "");
			}
		};
		for (String query : List.of("&transport=websocket", "", "&transport=abc")) {
			EngineClient client = query.isEmpty() ? this.client : noVersion;
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> client.webSocket(query))
				.havingCause()
				.isInstanceOfSatisfying(WebSocketHandshakeException.class,
						(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(400));
		}
	}

	@Test
	void webSocketFromForeignOriginIsForbidden() {
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> this.client.webSocket("&transport=websocket", "Origin", "http://evil.example"))
			.havingCause()
			.isInstanceOfSatisfying(WebSocketHandshakeException.class,
					(ex) -> assertThat(ex.getResponse().statusCode()).isEqualTo(403));
	}

	@Test
	void compressionIsNegotiatedOnlyWhereEnabled() throws Exception {
		assertThat(upgradeResponse("/socket.io/")).containsIgnoringCase("Sec-WebSocket-Extensions: permessage-deflate");
		assertThat(upgradeResponse("/heartbeat/")).startsWith("HTTP/1.1 101")
			.doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
	}

	private String upgradeRequest(String path, String extraHeaders) {
		return "GET " + path + "?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:" + this.port
				+ "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
				+ "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + extraHeaders + "\r\n";
	}

	/** The head of the response to an upgrade that offers compression as browsers do; the JDK client cannot. */
	private String upgradeResponse(String path) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			String request = upgradeRequest(path, "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n");
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			StringBuilder head = new StringBuilder();
			for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
				head.append(line).append('\n');
			}
			return head.toString();
		}
	}

	// a raw client: the JDK's does not always report a connection that ends without a close frame
	@Test
	void serverShutdownClosesSessions() throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(upgradeRequest("/socket.io/", "").getBytes(StandardCharsets.US_ASCII));
			DataInputStream in = new DataInputStream(socket.getInputStream());
			skipHead(in);
			String open = readTextFrame(in);
			String sid = EngineClient.handshakeValue(open).get("sid").asString();
			this.server.close();
			assertThat(readTextFrame(in)).isEqualTo("1");
			// then the end of the connection: at once on Tomcat, after a close frame on Jetty
			int next = in.read();
			assertThat(next).satisfiesAnyOf((end) -> assertThat(end).isEqualTo(-1),
					(closeFrame) -> assertThat(closeFrame).isEqualTo(0x88));
			await().until(() -> this.listener.has("close:" + sid + ":server shutting down"));
			assertThat(this.server.sessionCount()).isZero();
		}
	}

	private static void skipHead(DataInputStream in) throws IOException {
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int b = in.readUnsignedByte();
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
	}

	/** An unmasked text frame of the server, shorter than 126 bytes. */
	private static String readTextFrame(DataInputStream in) throws IOException {
		assertThat(in.readUnsignedByte()).as("a final text frame").isEqualTo(0x81);
		byte[] payload = new byte[in.readUnsignedByte()];
		in.readFully(payload);
		return new String(payload, StandardCharsets.UTF_8);
	}

}
