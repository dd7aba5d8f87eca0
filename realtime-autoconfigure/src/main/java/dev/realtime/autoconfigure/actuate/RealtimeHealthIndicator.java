package dev.realtime.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.realtime.adapter.AdapterStatus;
import dev.realtime.server.RealtimeServer;

/**
 * The {@code realtime} health of this node: its connection and socket counts, and the state of the adapter's link
 * to the other nodes. DOWN while that link is down (a cluster adapter that cannot reach Redis), though local
 * delivery goes on; a node on its own is always linked.
 */
public class RealtimeHealthIndicator implements HealthIndicator {

	private final RealtimeServer server;

	public RealtimeHealthIndicator(RealtimeServer server) {
		this.server = server;
	}

	@Override
	public Health health() {
		AdapterStatus adapter = this.server.adapterStatus();
		Map<String, Object> link = new LinkedHashMap<>();
		link.put("connected", adapter.connected());
		link.put("failedPublications", adapter.failedPublications());
		return (adapter.connected() ? Health.up() : Health.down())
			.withDetail("connections", this.server.connectionCount())
			.withDetail("sockets", this.server.socketCount())
			.withDetail("adapter", link)
			.build();
	}

}
