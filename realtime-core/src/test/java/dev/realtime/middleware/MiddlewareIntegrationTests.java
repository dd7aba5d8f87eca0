package dev.realtime.middleware;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.socket.client.Socket;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeServer;
import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline's rules against a real server and the official Java client; each test uses a namespace of its own.
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class MiddlewareIntegrationTests {

	private static final Executor LATER = CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS);

	@LocalServerPort
	int port;

	@Autowired
	RealtimeServer server;

	private final List<JavaClient> clients = new ArrayList<>();

	private final List<String> trace = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(JavaClient::close);
	}

	private JavaClient connect(String namespace, Map<String, String> auth) {
		JavaClient client = JavaClient.connect(this.port, namespace, auth, "websocket");
		this.clients.add(client);
		return client;
	}

	/** A namespace whose handlers record into the trace. */
	private Namespace traced(String name) {
		Namespace namespace = this.server.namespace(name);
		namespace.onConnect((socket) -> this.trace.add("connect"));
		namespace.onDisconnect((socket, reason) -> this.trace.add("disconnect"));
		namespace.on("echo", (socket, args, ack) -> {
			this.trace.add("handler " + args);
			ack.send(args.toArray());
		});
		return namespace;
	}

	@Test
	void rejectedConnectReachesTheClientWithMessageAndDataAndRunsNoHandler() throws Exception {
		Namespace namespace = traced("/guarded");
		namespace.use((ConnectMiddleware) (context, next) -> {
			if ("abc".equals(context.auth().get("token"))) {
				next.proceed();
			}
			else {
				next.reject(new RealtimeException("not authorized", Map.of("content", "Please retry later")));
			}
		});
		JavaClient refused = connect("/guarded", Map.of("token", "wrong"));
		JSONObject error = (JSONObject) refused.await(Socket.EVENT_CONNECT_ERROR)[0];
		assertThat(error.getString("message")).isEqualTo("not authorized");
		assertThat(error.getJSONObject("data").getString("content")).isEqualTo("Please retry later");
		assertThat(namespace.socketCount()).isZero();

		connect("/guarded", Map.of("token", "abc")).awaitConnect();
		// the client learns of the connection before the connect handler runs, as with Socket.IO
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(this.trace).containsExactly("connect"));
	}

	@Test
	void runsMiddlewareInOrderAndStopsAtTheFirstRejection() throws Exception {
		Namespace namespace = traced("/ordered");
		namespace.use((ConnectMiddleware) (context, next) -> {
			this.trace.add("1");
			next.proceed();
		});
		namespace.use((ConnectMiddleware) (context, next) -> {
			this.trace.add("2");
			next.reject(new RealtimeException("thou shall not pass"));
		});
		namespace.use((ConnectMiddleware) (context, next) -> {
			this.trace.add("3");
			next.proceed();
		});
		JSONObject error = (JSONObject) connect("/ordered", Map.of()).await(Socket.EVENT_CONNECT_ERROR)[0];
		assertThat(error.getString("message")).isEqualTo("thou shall not pass");
		assertThat(this.trace).containsExactly("1", "2");
	}

	@Test
	void continuesWhenNextIsCalledLaterFromAnotherThread() throws Exception {
		Namespace namespace = traced("/async");
		namespace.use((ConnectMiddleware) (context, next) -> LATER.execute(() -> {
			context.attributes().put("checked", Thread.currentThread().getName());
			next.proceed();
		}));
		namespace.on("checked", (socket, args, ack) -> ack.send(socket.attributes().containsKey("checked")));
		JavaClient client = connect("/async", Map.of()).awaitConnect();
		assertThat(client.emitWithAck("checked")).containsExactly(true);
	}

	@Test
	void connectsNothingWhenTheClientLeftBeforeTheMiddlewareDecided() throws Exception {
		Namespace namespace = traced("/left");
		CountDownLatch invoked = new CountDownLatch(1);
		CountDownLatch decided = new CountDownLatch(1);
		AtomicReference<String> socketId = new AtomicReference<>();
		namespace.use((ConnectMiddleware) (context, next) -> {
			socketId.set(context.socket().id());
			context.socket().join("pending-room");
			invoked.countDown();
			CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS).execute(() -> {
				next.proceed();
				decided.countDown();
			});
		});
		JavaClient client = connect("/left", Map.of());
		// leaves while the middleware (bounded by the 2s test timeout) is still deciding
		assertThat(invoked.await(5, TimeUnit.SECONDS)).isTrue();
		client.close();
		assertThat(decided.await(5, TimeUnit.SECONDS)).isTrue();
		// the continuation runs on the connection's executor after the decision
		Thread.sleep(200);
		assertThat(this.trace).isEmpty();
		assertThat(namespace.socketCount()).isZero();
		assertThat(namespace.adapter().sockets(Set.of("pending-room"))).isEmpty();
		assertThat(namespace.adapter().socketRooms(socketId.get())).isEmpty();
	}

	@Test
	void rejectedEventAnswersTheAckOrEmitsAnErrorEventAndSkipsLaterMiddlewareAndHandlers() throws Exception {
		Namespace namespace = traced("/events");
		namespace.use((EventMiddleware) (context, next) -> {
			if ("forbidden".equals(context.args().get(0))) {
				next.reject(new RealtimeException("no such words", Map.of("word", "forbidden")).with("code", 1234));
			}
			else {
				next.proceed();
			}
		});
		namespace.use((EventMiddleware) (context, next) -> {
			this.trace.add("second " + context.args());
			next.proceed();
		});
		JavaClient client = connect("/events", Map.of()).awaitConnect();
		JSONObject acked = (JSONObject) client.emitWithAck("echo", "forbidden")[0];
		assertThat(acked.getString("message")).isEqualTo("no such words");
		assertThat(acked.getInt("code")).isEqualTo(1234);
		assertThat(acked.getJSONObject("data").getString("word")).isEqualTo("forbidden");

		client.socket().emit("echo", "forbidden");
		JSONObject event = (JSONObject) client.await("error")[0];
		assertThat(event.getString("message")).isEqualTo("no such words");
		assertThat(this.trace).containsExactly("connect");

		assertThat(client.emitWithAck("echo", "fine")).containsExactly("fine");
		assertThat(this.trace).containsExactly("connect", "second [fine]", "handler [fine]");
	}

	@Test
	void silentBlockDropsTheEventButStillAnswersAnAck() throws Exception {
		Namespace namespace = traced("/blocked");
		namespace.use((EventMiddleware) (context, next) -> next.block());
		JavaClient client = connect("/blocked", Map.of()).awaitConnect();
		client.socket().emit("echo", "dropped");
		JSONObject acked = (JSONObject) client.emitWithAck("echo", "dropped")[0];
		assertThat(acked.getString("message")).isEqualTo("Blocked");
		assertThat(acked.getBoolean("blocked")).isTrue();
		assertThat(client.receives("error", 300)).isFalse();
		assertThat(this.trace).containsExactly("connect");
	}

	@Test
	void middlewareThatNeverDecidesIsEndedByTheTimeout() throws Exception {
		Namespace namespace = traced("/undecided");
		namespace.use((EventMiddleware) (context, next) -> {
		});
		JavaClient client = connect("/undecided", Map.of()).awaitConnect();
		JSONObject acked = (JSONObject) client.emitWithAck("echo", "waiting")[0];
		assertThat(acked.getString("message")).isEqualTo("Middleware timed out");
		assertThat(this.trace).containsExactly("connect");
	}

	@Test
	void thrownExceptionsAreRejectionsAndOnlyOurOwnTypeShowsItsMessage() throws Exception {
		Namespace namespace = traced("/throwing");
		namespace.use((EventMiddleware) (context, next) -> {
			if (context.args().get(0).equals("own")) {
				throw new RealtimeException("explained");
			}
			throw new IllegalStateException("database password is hunter2");
		});
		JavaClient client = connect("/throwing", Map.of()).awaitConnect();
		assertThat(((JSONObject) client.emitWithAck("echo", "own")[0]).getString("message")).isEqualTo("explained");
		JSONObject hidden = (JSONObject) client.emitWithAck("echo", "other")[0];
		assertThat(hidden.getString("message")).isEqualTo("Internal server error");
		assertThat(hidden.toString()).doesNotContain("hunter2");
	}

	@Test
	void eventMiddlewareCanReplaceTheArgumentsAndSeesConnectAttributes() throws Exception {
		Namespace namespace = traced("/rewrite");
		namespace.use((ConnectMiddleware) (context, next) -> {
			context.attributes().put("user", context.auth().get("user"));
			next.proceed();
		});
		namespace.use((EventMiddleware) (context, next) -> {
			context.setArgs(List.of(context.attributes().get("user") + ": " + context.args().get(0)));
			next.proceed();
		});
		JavaClient client = connect("/rewrite", Map.of("user", "ann")).awaitConnect();
		assertThat(client.emitWithAck("echo", "hi")).containsExactly("ann: hi");
	}

	@Test
	void decidingTwiceIsReportedAndChangesNothing() throws Exception {
		Namespace namespace = traced("/twice");
		AtomicReference<Throwable> misuse = new AtomicReference<>();
		namespace.use((EventMiddleware) (context, next) -> {
			next.proceed();
			try {
				next.reject(new RealtimeException("too late"));
			}
			catch (IllegalStateException ex) {
				misuse.set(ex);
			}
		});
		JavaClient client = connect("/twice", Map.of()).awaitConnect();
		assertThat(client.emitWithAck("echo", "once")).containsExactly("once");
		assertThat(misuse.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("more than once");
	}

	@Test
	void keepsEachSocketsOrderWhileAMiddlewareIsAsynchronous() throws Exception {
		Namespace namespace = traced("/sequence");
		namespace.use((EventMiddleware) (context, next) -> {
			if ("slow".equals(context.args().get(0))) {
				LATER.execute(next::proceed);
			}
			else {
				next.proceed();
			}
		});
		JavaClient client = connect("/sequence", Map.of()).awaitConnect();
		CompletableFuture<Object[]> fast = new CompletableFuture<>();
		client.socket().emit("echo", "slow");
		client.socket().emit("echo", "fast", (io.socket.client.Ack) fast::complete);
		fast.get(5, TimeUnit.SECONDS);
		assertThat(this.trace).containsExactly("connect", "handler [slow]", "handler [fast]");
	}

	@Test
	void otherSocketsDoNotWaitForOneSocketsSlowMiddleware() throws Exception {
		Namespace namespace = traced("/parallel");
		CountDownLatch release = new CountDownLatch(1);
		namespace.use((EventMiddleware) (context, next) -> {
			if ("slow".equals(context.args().get(0))) {
				CompletableFuture.runAsync(() -> {
					try {
						release.await(5, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					next.proceed();
				});
			}
			else {
				next.proceed();
			}
		});
		JavaClient slow = connect("/parallel", Map.of()).awaitConnect();
		JavaClient quick = connect("/parallel", Map.of()).awaitConnect();
		CompletableFuture<Object[]> slowAck = new CompletableFuture<>();
		slow.socket().emit("echo", "slow", (io.socket.client.Ack) slowAck::complete);
		assertThat(quick.emitWithAck("echo", "quick")).containsExactly("quick");
		assertThat(slowAck).isNotDone();
		release.countDown();
		assertThat(slowAck.get(5, TimeUnit.SECONDS)).containsExactly("slow");
	}

	@Test
	void emitOutSkipsSingleRecipients() throws Exception {
		Namespace namespace = traced("/emit-out");
		namespace.use((ConnectMiddleware) (context, next) -> {
			context.attributes().put("muted", "true".equals(context.auth().get("muted")));
			next.proceed();
		});
		namespace.use((EmitOutMiddleware) (context, next) -> {
			if (Boolean.TRUE.equals(context.attributes().get("muted"))) {
				next.block();
			}
			else {
				next.proceed();
			}
		});
		JavaClient muted = connect("/emit-out", Map.of("muted", "true")).awaitConnect();
		JavaClient listening = connect("/emit-out", Map.of()).awaitConnect();
		namespace.emit("news", "hello");
		assertThat(listening.await("news")).containsExactly("hello");
		assertThat(muted.receives("news", 300)).isFalse();
	}

	@Test
	void channelsRunSubscribePublishInAndPublishOut() throws Exception {
		Namespace namespace = traced("/channels");
		namespace.use((SubscribeMiddleware) (context, next) -> {
			if (context.channel().startsWith("secret")) {
				next.reject(new RealtimeException(context.socket().id() + " cannot subscribe to channel "
						+ context.channel()).with("code", 1234));
			}
			else {
				next.proceed();
			}
		});
		namespace.use((PublishInMiddleware) (context, next) -> {
			context.setData(Map.of("text", context.data() + "!", "by", context.socket().id()));
			context.setAckData("stamped");
			next.proceed();
		});
		// no echo to the publisher
		namespace.use((PublishOutMiddleware) (context, next) -> {
			if (context.socket().id().equals(context.publisherId())) {
				next.block();
			}
			else {
				next.proceed();
			}
		});
		JavaClient ann = connect("/channels", Map.of()).awaitConnect();
		JavaClient bob = connect("/channels", Map.of()).awaitConnect();
		JSONObject refused = (JSONObject) ann.emitWithAck("#subscribe", "secret-plans")[0];
		assertThat(refused.getInt("code")).isEqualTo(1234);
		assertThat(refused.getString("message")).endsWith("cannot subscribe to channel secret-plans");
		assertThat(ann.emitWithAck("#subscribe", "news")).isEmpty();
		assertThat(bob.emitWithAck("#subscribe", "news")).isEmpty();
		assertThat(namespace.channel("news").localSubscribers()).hasSize(2);

		Object[] ack = ann.emitWithAck("#publish", new JSONObject(Map.of("channel", "news", "data", "hello")));
		assertThat(ack).containsExactly("stamped");
		JSONObject delivered = (JSONObject) bob.await("#publish")[0];
		assertThat(delivered.getString("channel")).isEqualTo("news");
		assertThat(delivered.getJSONObject("data").getString("text")).isEqualTo("hello!");
		assertThat(ann.receives("#publish", 300)).isFalse();

		namespace.channel("news").publish("from the server");
		assertThat(((JSONObject) ann.await("#publish")[0]).getString("data")).isEqualTo("from the server");
		assertThat(bob.emitWithAck("#unsubscribe", "news")).isEmpty();
		assertThat(namespace.channel("news").localSubscribers()).hasSize(1);
	}

	@Test
	void malformedChannelRequestsAreRefusedWithAReason() throws Exception {
		traced("/bad-channels");
		JavaClient client = connect("/bad-channels", Map.of()).awaitConnect();
		JSONObject error = (JSONObject) client.emitWithAck("#publish", "not an object")[0];
		assertThat(error.getString("message")).isEqualTo("Malformed #publish request");
		assertThatThrownBy(() -> this.server.emit("connect")).isInstanceOf(IllegalArgumentException.class);
	}

}
