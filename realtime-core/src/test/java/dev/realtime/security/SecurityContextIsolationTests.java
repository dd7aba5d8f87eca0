package dev.realtime.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.socket.client.IO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.realtime.middleware.EventMiddleware;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;
import dev.realtime.support.JavaClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many users' sockets sharing the same few threads: each middleware and handler call sees its own socket's user,
 * and no security context stays on a thread afterwards.
 */
@SpringBootTest(classes = { RealtimeTestApplication.class, SecurityTestConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityContextIsolationTests {

	private static final int USERS = 12;

	private static final int EVENTS_PER_USER = 15;

	@LocalServerPort
	int port;

	@Autowired
	RealtimeServer server;

	@Autowired
	ThreadPoolTaskExecutor realtimeTaskExecutor;

	private final List<JavaClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(JavaClient::close);
	}

	@Test
	void concurrentSocketsEachSeeTheirOwnUserAndNothingLeaksToTheThreads() throws Exception {
		List<String> mismatches = new CopyOnWriteArrayList<>();
		Namespace namespace = this.server.namespace("/isolated");
		namespace.use((EventMiddleware) (context, next) -> {
			String current = currentUser();
			if (!current.equals(context.principal().getName())) {
				mismatches.add("middleware of " + context.principal().getName() + " saw " + current);
			}
			next.proceed();
		});
		namespace.on("whoami", (socket, args, ack) -> {
			Thread.sleep(2);
			ack.send(currentUser());
		});
		List<JavaClient> users = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			IO.Options options = IO.Options.builder()
				.setTransports(new String[] { "websocket" })
				.setAuth(Map.of("token", TestTokens.token("user" + i)))
				.build();
			JavaClient client = JavaClient.connect(this.port, "/isolated", options);
			this.clients.add(client);
			users.add(client.awaitConnect());
		}
		List<CompletableFuture<Void>> runs = new ArrayList<>();
		for (int i = 0; i < USERS; i++) {
			JavaClient client = users.get(i);
			String name = "user" + i;
			runs.add(CompletableFuture.runAsync(() -> {
				for (int event = 0; event < EVENTS_PER_USER; event++) {
					try {
						Object answer = client.emitWithAck("whoami")[0];
						if (!name.equals(answer)) {
							mismatches.add("handler of " + name + " saw " + answer);
						}
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}
			}));
		}
		CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		assertThat(mismatches).isEmpty();
		assertThat(usersLeftOnEveryWorkerThread()).containsOnly("none");
	}

	/** What every worker thread holds when no socket's code runs: all threads are made to answer at once. */
	private List<String> usersLeftOnEveryWorkerThread() throws Exception {
		int threads = this.realtimeTaskExecutor.getCorePoolSize();
		CountDownLatch together = new CountDownLatch(threads);
		List<CompletableFuture<String>> answers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			answers.add(this.realtimeTaskExecutor.submitCompletable(() -> {
				together.countDown();
				together.await(10, TimeUnit.SECONDS);
				return currentUser();
			}));
		}
		List<String> users = new ArrayList<>();
		for (CompletableFuture<String> answer : answers) {
			users.add(answer.get(20, TimeUnit.SECONDS));
		}
		return users;
	}

	private static String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return "none";
		}
		return authentication.getName();
	}

}
