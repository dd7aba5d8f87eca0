package dev.realtime.redis;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;

/**
 * The server side of {@code src/test/js/recovery.js} on a Java node, as {@code node-streams.js} has it on a Node
 * node: "remember" keeps a nickname in the socket's attributes, "send-me" emits an event to the socket, "whoami"
 * answers what the socket is, and "away" tells the test (on whichever node of the cluster the socket is) that the
 * client is about to lose its connection.
 */
final class RecoveryFixture {

	private final BlockingQueue<String> away = new LinkedBlockingQueue<>();

	/** Serves the fixture's events on these nodes, which all report to this fixture. */
	static RecoveryFixture on(RealtimeServer... servers) {
		RecoveryFixture fixture = new RecoveryFixture();
		for (RealtimeServer server : servers) {
			fixture.serve(server);
		}
		return fixture;
	}

	void serve(RealtimeServer server) {
		Namespace main = server.namespace("/");
		main.on("remember", (socket, args, ack) -> {
			socket.attributes().put("nick", String.valueOf(args.get(0)));
			ack.send("remembered");
		});
		main.on("send-me", (socket, args, ack) -> socket.emit(String.valueOf(args.get(0)), args.get(0)));
		main.on("whoami", (socket, args, ack) -> ack.send(Map.of("id", socket.id(), "recovered", socket.recovered(),
				"nick", String.valueOf(socket.attributes().get("nick")), "rooms", new TreeSet<>(socket.rooms()))));
		main.on("away", (socket, args, ack) -> {
			ack.send("ok");
			this.away.add(socket.id());
		});
		// a client on a Node node says it through the cluster
		server.onServerSideEmit("away", (args, ack) -> this.away.add(String.valueOf(args.get(0))));
	}

	/** The id of the next socket whose client said it is going away. */
	String awaitAway() throws InterruptedException {
		String id = this.away.poll(20, TimeUnit.SECONDS);
		if (id == null) {
			throw new AssertionError("No client said it was going away");
		}
		return id;
	}

}
