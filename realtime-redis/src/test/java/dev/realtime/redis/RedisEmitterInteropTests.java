package dev.realtime.redis;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.realtime.support.JavaClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Node's {@code @socket.io/redis-emitter} 5.1.0, which sends to a Socket.IO cluster from a process that is not a
 * node of it, reaching the sockets of a Java node on the Redis adapter: rooms, exceptions, namespaces, binary data,
 * and the emitter's requests (join, server-side emit, disconnect).
 */
class RedisEmitterInteropTests {

	@Test
	void emitsAndRequestsOfTheNodeEmitterReachJavaSockets() throws Exception {
		String prefix = "realtime-emitter-" + UUID.randomUUID();
		int redisPort = TestRedis.shared().port();
		try (ClusterNode java = ClusterNode.start(prefix, redisPort)) {
			CompletableFuture<List<Object>> hello = new CompletableFuture<>();
			java.server().onServerSideEmit("hello", (args, ack) -> hello.complete(args));
			java.server().namespace("/chat");
			JavaClient inRoom = JavaClient.connect(java.port(), "/", Map.of(), "websocket").awaitConnect();
			assertThat(inRoom.emitWithAck("join", "room-a")).containsExactly("joined");
			JavaClient other = JavaClient.connect(java.port(), "/", Map.of(), "polling").awaitConnect();
			JavaClient onChat = JavaClient.connect(java.port(), "/chat", Map.of(), "websocket").awaitConnect();

			NodeProcess.run("emitter.js", String.valueOf(redisPort), prefix);

			assertThat(inRoom.await("everyone")).containsExactly(1);
			assertThat(inRoom.await("in-room")).containsExactly("a");
			assertThat((byte[]) inRoom.await("binary")[0]).containsExactly(1, 2, 3);
			assertThat(inRoom.await("in-room-b")).as("joined room-b at the emitter's request").containsExactly(true);
			assertThat(inRoom.await("disconnect")).containsExactly("io server disconnect");
			assertThat(other.await("everyone")).containsExactly(1);
			assertThat(other.await("not-in-room")).containsExactly("b");
			assertThat(onChat.await("chat")).containsExactly("hi");
			assertThat(hello.get(JavaClient.WAIT_SECONDS, TimeUnit.SECONDS)).containsExactly("from the emitter");
			// everything was handled in order: the disconnection came last, so nothing else is on its way
			assertThat(other.receives("in-room", 200)).isFalse();
			assertThat(other.receives("in-room-b", 0)).isFalse();
			assertThat(onChat.receives("everyone", 0)).isFalse();
			assertThat(other.socket().connected()).isTrue();
			other.close();
			onChat.close();
		}
	}

}
