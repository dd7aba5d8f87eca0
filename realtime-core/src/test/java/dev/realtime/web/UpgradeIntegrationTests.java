package dev.realtime.web;

import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.realtime.engine.EngineMessage;
import io.socket.engineio.client.Socket;
import org.junit.jupiter.api.Test;
import dev.realtime.support.EngineClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upgrade from polling to WebSocket: probe, noop, upgrade packet, and what is refused afterwards.
 */
class UpgradeIntegrationTests extends EngineIntegrationTests {

	@Test
	void upgradeFromPolling() throws Exception {
		String sid = this.client.handshake();
		CompletableFuture<HttpResponse<String>> heldPoll = this.client.getAsync("&transport=polling&sid=" + sid);
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket&sid=" + sid);
		socket.send("2probe");
		assertThat(socket.next()).isEqualTo("3probe");
		assertThat(heldPoll.get().body()).isEqualTo("6");
		assertThat(this.client.get("&transport=polling&sid=" + sid).body()).isEqualTo("6");
		this.server.session(sid).send(EngineMessage.text("queued during upgrade"));
		socket.send("5");
		assertThat(socket.next()).isEqualTo("4queued during upgrade");
		socket.send("4hello");
		assertThat(socket.next()).isEqualTo("4hello");
		assertThat(this.server.session(sid).transport()).isEqualTo("websocket");
		assertThat(this.client.get("&transport=polling&sid=" + sid).statusCode()).isEqualTo(400);

		EngineClient.Socket second = this.client.webSocket("&transport=websocket&sid=" + sid);
		second.awaitClose();
		socket.send("4still upgraded");
		assertThat(socket.next()).isEqualTo("4still upgraded");
		assertThat(this.listener.count("close:" + sid)).isZero();
	}

	@Test
	void pollDuringUpgradeIsRefusedOnceUpgraded() throws Exception {
		String sid = this.client.handshake();
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket&sid=" + sid);
		socket.send("2probe");
		assertThat(socket.next()).isEqualTo("3probe");
		CompletableFuture<HttpResponse<String>> poll = this.client.getAsync("&transport=polling&sid=" + sid);
		socket.send("5");
		assertThat(poll.get().statusCode()).isEqualTo(400);
		socket.send("4upgraded");
		assertThat(socket.next()).isEqualTo("4upgraded");
	}

	@Test
	void upgradeWithoutProbeClosesTheSocketOnly() throws Exception {
		String sid = this.client.handshake();
		EngineClient.Socket socket = this.client.webSocket("&transport=websocket&sid=" + sid);
		socket.send("4not a probe");
		socket.awaitClose();
		this.client.post("&transport=polling&sid=" + sid, "4polling still works");
		assertThat(this.client.get("&transport=polling&sid=" + sid).body()).isEqualTo("4polling still works");
	}

	@Test
	void javaEngineIoClientUpgradesAndEchoes() throws Exception {
		Socket.Options options = new Socket.Options();
		options.path = "/socket.io/";
		Socket socket = new Socket("http://localhost:" + this.port, options);
		BlockingQueue<Object> received = new LinkedBlockingQueue<>();
		CountDownLatch upgraded = new CountDownLatch(1);
		socket.on(Socket.EVENT_UPGRADE, (args) -> upgraded.countDown());
		socket.on(Socket.EVENT_MESSAGE, (args) -> received.add(args[0]));
		socket.open();
		try {
			assertThat(upgraded.await(10, TimeUnit.SECONDS)).isTrue();
			String sid = socket.id();
			await().until(() -> "websocket".equals(this.server.session(sid).transport()));
			socket.send("over websocket");
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("over websocket");
			socket.send(new byte[] { 9, 8, 7 });
			assertThat((byte[]) received.poll(10, TimeUnit.SECONDS)).containsExactly(9, 8, 7);
			socket.close();
			await().until(() -> this.listener.has("close:" + sid + ":transport close"));
		}
		finally {
			socket.close();
		}
	}

}
