package dev.realtime.autoconfigure.actuate;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.realtime.adapter.AdapterStatus;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.RealtimeSocket;

/**
 * The {@code realtime} endpoint: what this node serves (its namespaces with their sockets and largest rooms, and the
 * cluster it is linked to), one socket's details at {@code sockets/{id}}, and a delete there that disconnects the
 * socket. Like every endpoint, only what {@code management.endpoints.web.exposure.include} names is served.
 */
@Endpoint(id = "realtime")
public class RealtimeEndpoint {

	/** The most rooms listed for a namespace, the largest first; {@code roomCount} tells how many there are. */
	public static final int MAX_ROOMS = 100;

	private static final String SOCKETS = "sockets";

	private static final Duration NODE_COUNT_TIMEOUT = Duration.ofSeconds(2);

	private final RealtimeServer server;

	private final String nodeId;

	/**
	 * @param nodeId this node's name, as the Admin UI shows it
	 */
	public RealtimeEndpoint(RealtimeServer server, String nodeId) {
		this.server = server;
		this.nodeId = nodeId;
	}

	@ReadOperation
	public RealtimeDescriptor realtime() {
		AdapterStatus adapter = this.server.adapterStatus();
		List<NamespaceDescriptor> namespaces = this.server.namespaces()
			.stream()
			.sorted(Comparator.comparing(Namespace::name))
			.map(NamespaceDescriptor::of)
			.toList();
		return new RealtimeDescriptor(
				new NodeDescriptor(this.nodeId, this.server.connectionCount(), this.server.socketCount()),
				new ClusterDescriptor(adapter.connected(), adapter.failedPublications(), nodeCount(adapter)),
				namespaces);
	}

	/** The socket with this id on this node, at {@code sockets/{id}}; null (404) for any other. */
	@ReadOperation
	public @Nullable SocketDescriptor socket(@Selector String collection, @Selector String id) {
		RealtimeSocket socket = find(collection, id);
		return (socket != null) ? SocketDescriptor.of(socket) : null;
	}

	/**
	 * Disconnects the socket with this id from its namespace, as {@code socket.disconnect()} does; its client is told
	 * ({@code io server disconnect}) and does not reconnect by itself.
	 * @return whether this node had such a socket
	 */
	@DeleteOperation
	public boolean disconnect(@Selector String collection, @Selector String id) {
		RealtimeSocket socket = find(collection, id);
		if (socket == null) {
			return false;
		}
		socket.disconnect();
		return true;
	}

	private @Nullable RealtimeSocket find(String collection, String id) {
		return SOCKETS.equals(collection) ? this.server.socket(id) : null;
	}

	/** How many nodes share the main namespace; null when the adapter cannot tell in time. */
	private @Nullable Integer nodeCount(AdapterStatus adapter) {
		if (!adapter.connected()) {
			return null; // asking the cluster would only wait for the adapter's own timeout
		}
		try {
			return this.server.sockets()
				.adapter()
				.serverCount()
				.get(NODE_COUNT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	/**
	 * What this node serves.
	 * @param node this node and its counts
	 * @param cluster the link to the other nodes
	 * @param namespaces every namespace that exists on this node, by name
	 */
	public record RealtimeDescriptor(NodeDescriptor node, ClusterDescriptor cluster,
			List<NamespaceDescriptor> namespaces) implements OperationResponseBody {
	}

	/**
	 * This node.
	 * @param id its name: {@code realtime.admin-ui.server-id}, else the host name
	 * @param connections its open connections
	 * @param sockets its sockets, over all namespaces
	 */
	public record NodeDescriptor(String id, int connections, int sockets) {
	}

	/**
	 * The link to the other nodes ({@code RealtimeServer.adapterStatus()}); a node on its own is always linked.
	 * @param connected whether broadcasts reach the other nodes now
	 * @param failedPublications publications that could not reach them since the start
	 * @param nodes how many nodes share the main namespace, this one included; null when the adapter cannot tell
	 */
	public record ClusterDescriptor(boolean connected, long failedPublications, @Nullable Integer nodes) {
	}

	/**
	 * A namespace on this node.
	 * @param name its name
	 * @param sockets its sockets on this node
	 * @param roomCount its rooms that have sockets on this node, besides the room each socket has of its own
	 * @param rooms the largest of them, at most {@value RealtimeEndpoint#MAX_ROOMS}, then by name
	 */
	public record NamespaceDescriptor(String name, int sockets, int roomCount, List<RoomDescriptor> rooms) {

		static NamespaceDescriptor of(Namespace namespace) {
			Map<String, Integer> sizes = new HashMap<>();
			for (RealtimeSocket socket : namespace.sockets()) {
				for (String room : socket.rooms()) {
					if (!room.equals(socket.id())) {
						sizes.merge(room, 1, Integer::sum);
					}
				}
			}
			List<RoomDescriptor> rooms = sizes.entrySet()
				.stream()
				.map((room) -> new RoomDescriptor(room.getKey(), room.getValue()))
				.sorted(Comparator.comparingInt(RoomDescriptor::sockets).reversed().thenComparing(RoomDescriptor::name))
				.limit(MAX_ROOMS)
				.toList();
			return new NamespaceDescriptor(namespace.name(), namespace.socketCount(), sizes.size(), rooms);
		}

	}

	/**
	 * A room of a namespace.
	 * @param name its name
	 * @param sockets its sockets on this node
	 */
	public record RoomDescriptor(String name, int sockets) {
	}

}
