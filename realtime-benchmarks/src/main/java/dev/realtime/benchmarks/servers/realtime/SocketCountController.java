package dev.realtime.benchmarks.servers.realtime;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.realtime.server.RealtimeServer;

/**
 * How many sockets the main namespace holds, without the full collections of {@code /stats}: cheap enough for the
 * harness to poll while it measures, to tell when the server dropped a client.
 */
@RestController
class SocketCountController {

	private final RealtimeServer server;

	SocketCountController(RealtimeServer server) {
		this.server = server;
	}

	@GetMapping("/sockets")
	Map<String, Integer> sockets() {
		return Map.of("sockets", this.server.sockets().socketCount());
	}

}
