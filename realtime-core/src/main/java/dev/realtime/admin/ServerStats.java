package dev.realtime.admin;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.ServerObserver;

/**
 * The {@code server_stats} of this node: counts of the moment, and the connections, disconnections, packets and
 * bytes since the last report ({@code aggregatedEvents}), counted without a lock on the hot path.
 */
final class ServerStats implements ServerObserver {

	private final RealtimeServer server;

	private final String serverId;

	private final LongAdder connections = new LongAdder();

	private final Map<String, LongAdder> disconnections = new ConcurrentHashMap<>();

	private final LongAdder packetsIn = new LongAdder();

	private final LongAdder bytesIn = new LongAdder();

	private final LongAdder packetsOut = new LongAdder();

	private final LongAdder bytesOut = new LongAdder();

	ServerStats(RealtimeServer server, String serverId) {
		this.server = server;
		this.serverId = serverId;
	}

	@Override
	public void connectionOpened(String transport) {
		this.connections.increment();
	}

	@Override
	public void connectionClosed(String reason) {
		this.disconnections.computeIfAbsent(reason, (key) -> new LongAdder()).increment();
	}

	@Override
	public void messageReceived(int bytes) {
		this.packetsIn.increment();
		this.bytesIn.add(bytes);
	}

	@Override
	public void messagesSent(int messages, long bytes, long queuedBytes) {
		this.packetsOut.add(messages);
		this.bytesOut.add(bytes);
	}

	/** The report, which starts the next period of the aggregated counts. */
	Map<String, Object> report() {
		Map<String, Object> stats = new LinkedHashMap<>();
		stats.put("serverId", this.serverId);
		stats.put("hostname", AdminUiServer.hostname());
		stats.put("pid", ProcessHandle.current().pid());
		stats.put("uptime", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
		stats.put("clientsCount", this.server.connectionCount());
		stats.put("pollingClientsCount", this.server.connectionCount("polling"));
		stats.put("aggregatedEvents", aggregatedEvents());
		List<Map<String, Object>> namespaces = new ArrayList<>();
		for (Namespace namespace : this.server.namespaces()) {
			namespaces.add(Map.of("name", namespace.name(), "socketsCount", namespace.socketCount()));
		}
		stats.put("namespaces", namespaces);
		return stats;
	}

	private List<Map<String, Object>> aggregatedEvents() {
		long timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toEpochMilli();
		List<Map<String, Object>> events = new ArrayList<>();
		add(events, timestamp, "rawConnection", null, this.connections);
		this.disconnections.forEach((reason, count) -> add(events, timestamp, "rawDisconnection", reason, count));
		add(events, timestamp, "packetsIn", null, this.packetsIn);
		add(events, timestamp, "bytesIn", null, this.bytesIn);
		add(events, timestamp, "packetsOut", null, this.packetsOut);
		add(events, timestamp, "bytesOut", null, this.bytesOut);
		return events;
	}

	private static void add(List<Map<String, Object>> events, long timestamp, String type, String subType,
			LongAdder counter) {
		long count = counter.sumThenReset();
		if (count > 0) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("timestamp", timestamp);
			event.put("type", type);
			if (subType != null) {
				event.put("subType", subType);
			}
			event.put("count", count);
			events.add(event);
		}
	}

}
