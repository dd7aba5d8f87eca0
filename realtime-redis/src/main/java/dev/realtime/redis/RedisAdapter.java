package dev.realtime.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

import dev.realtime.adapter.AdapterNamespace;
import dev.realtime.adapter.BroadcastOptions;
import dev.realtime.adapter.InMemoryAdapter;
import dev.realtime.adapter.SocketDetails;
import dev.realtime.protocol.Packet;
import dev.realtime.redis.ClusterCodec.Broadcast;

/**
 * The adapter of a namespace whose nodes meet on Redis, speaking the protocol of {@code @socket.io/redis-adapter}
 * 8.x: rooms stay in memory on each node; broadcasts and cluster requests go through Redis channels and are applied
 * by each node to its own sockets. Messages from this node come back to it and are recognized by its uid.
 */
public class RedisAdapter extends InMemoryAdapter {

	private static final Log logger = LogFactory.getLog(RedisAdapter.class);

	private final RedisAdapterFactory node;

	private final RedisChannels channels;

	private final ClusterCodec codec;

	private final MessageListener listener = this::onMessage;

	private final PendingRequests requests = new PendingRequests();

	private final PendingAcks acks = new PendingAcks();

	RedisAdapter(AdapterNamespace namespace, RedisAdapterFactory node) {
		super(namespace);
		this.node = node;
		this.channels = node.channels(namespace.name());
		this.codec = node.codec();
		node.subscribe(this.listener, this.channels);
	}

	@Override
	public void broadcast(Packet packet, BroadcastOptions options) {
		super.broadcast(packet, options);
		if (!options.local()) {
			publish(this.channels.broadcastTo(options.rooms()),
					this.codec.broadcast(this.node.uid(), packet, options, Map.of()));
		}
	}

	@Override
	public void broadcastWithAck(Packet packet, BroadcastOptions options, IntConsumer clientCount,
			Consumer<List<Object>> ack) {
		broadcastWithAck(packet, options, this.node.requestTimeout(), clientCount, ack);
	}

	@Override
	public void broadcastWithAck(Packet packet, BroadcastOptions options, Duration timeout, IntConsumer clientCount,
			Consumer<List<Object>> ack) {
		if (!options.local()) {
			String requestId = this.acks.register(clientCount, ack, timeout);
			Map<String, Object> request = request(RequestType.BROADCAST, requestId);
			request.put("packet", WireValues.packet(packet));
			request.put("opts", WireValues.options(options, Map.of("timeout", timeout.toMillis())));
			publish(this.channels.request(), this.codec.messagePack(request));
		}
		super.broadcastWithAck(packet, options, clientCount, ack);
	}

	@Override
	public CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
		List<SocketDetails> local = super.fetchSockets(options).join();
		if (options.local()) {
			return CompletableFuture.completedFuture(local);
		}
		Map<String, Object> request = request(RequestType.REMOTE_FETCH, RandomIds.next());
		request.put("opts", WireValues.options(options, Map.of()));
		return askOthers("fetchSockets responses", request, this.node.requestTimeout()).thenApply((responses) -> {
			List<SocketDetails> all = new ArrayList<>(local);
			responses.forEach((response) -> all.addAll(SocketDetailsValues.fromResponse(response)));
			return all;
		});
	}

	@Override
	public void addSockets(BroadcastOptions options, Set<String> rooms) {
		super.addSockets(options, rooms);
		publishRoomRequest(RequestType.REMOTE_JOIN, options, rooms);
	}

	@Override
	public void delSockets(BroadcastOptions options, Set<String> rooms) {
		super.delSockets(options, rooms);
		publishRoomRequest(RequestType.REMOTE_LEAVE, options, rooms);
	}

	private void publishRoomRequest(RequestType type, BroadcastOptions options, Set<String> rooms) {
		if (!options.local()) {
			Map<String, Object> request = request(type, null);
			request.put("opts", WireValues.options(options, Map.of()));
			request.put("rooms", List.copyOf(rooms));
			publish(this.channels.request(), this.codec.json(request));
		}
	}

	@Override
	public void disconnectSockets(BroadcastOptions options, boolean close) {
		super.disconnectSockets(options, close);
		if (!options.local()) {
			Map<String, Object> request = request(RequestType.REMOTE_DISCONNECT, null);
			request.put("opts", WireValues.options(options, Map.of()));
			request.put("close", close);
			publish(this.channels.request(), this.codec.json(request));
		}
	}

	@Override
	public void serverSideEmit(List<Object> packet) {
		publish(this.channels.request(), this.codec.json(serverSideEmitRequest(packet, null)));
	}

	@Override
	public CompletableFuture<List<Object>> serverSideEmitWithAck(List<Object> packet, Duration timeout) {
		return askOthers("serverSideEmit responses", serverSideEmitRequest(packet, RandomIds.next()), timeout)
			.thenApply((responses) -> responses.stream().map((response) -> response.get("data")).toList());
	}

	private Map<String, Object> serverSideEmitRequest(List<Object> packet, @Nullable String requestId) {
		Map<String, Object> request = request(RequestType.SERVER_SIDE_EMIT, requestId);
		request.put("data", packet);
		return request;
	}

	/**
	 * The nodes subscribed to this namespace's request channel, this one included. When Redis cannot say, this node
	 * alone, so that local operations go on.
	 */
	@Override
	public CompletableFuture<Integer> serverCount() {
		return this.node.publisher().nodes(this.channels.request(), this.node.requestTimeout());
	}

	@Override
	public void close() {
		this.node.unsubscribe(this.listener);
		this.requests.cancelAll();
		this.acks.clear();
	}

	/** Publishes a request to every other node and waits for one response from each. */
	private CompletableFuture<List<Map<String, Object>>> askOthers(String description, Map<String, Object> request,
			Duration timeout) {
		String requestId = (String) request.get("requestId");
		return serverCount().thenCompose((nodes) -> {
			if (nodes <= 1) {
				return CompletableFuture.completedFuture(List.of());
			}
			CompletableFuture<List<Map<String, Object>>> responses = this.requests.await(requestId, description,
					nodes - 1, timeout);
			publish(this.channels.request(), this.codec.json(request));
			return responses;
		});
	}

	private Map<String, Object> request(RequestType type, @Nullable String requestId) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("uid", this.node.uid());
		if (requestId != null) {
			request.put("requestId", requestId);
		}
		request.put("type", type.code());
		return request;
	}

	private void publish(String channel, byte[] message) {
		this.node.publisher().publish(channel, message);
	}

	private void onMessage(Message message, byte @Nullable [] pattern) {
		String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
		try {
			if (channel.equals(this.channels.request())) {
				onRequest(message.getBody());
			}
			else if (channel.startsWith(this.channels.response())) {
				onResponse(message.getBody());
			}
			else {
				onBroadcast(channel, message.getBody());
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Ignoring a message on " + channel + " that could not be handled", ex);
		}
	}

	private void onBroadcast(String channel, byte[] body) {
		String room = this.channels.roomOf(channel);
		// a single-room broadcast is skipped unread when no local socket is in the room
		if (room == null || (!room.isEmpty() && !hasRoom(room))) {
			return;
		}
		Broadcast broadcast = this.codec.decodeBroadcast(body);
		if (broadcast != null && !broadcast.uid().equals(this.node.uid())
				&& broadcast.packet().namespace().equals(namespace().name())) {
			super.broadcast(broadcast.packet(), broadcast.options());
		}
	}

	private void onRequest(byte[] body) {
		Map<String, Object> request = this.codec.decodeMap(body);
		if (request == null || this.node.uid().equals(request.get("uid"))) {
			return;
		}
		RequestType type = RequestType.fromCode(request.get("type"));
		Object requestId = request.get("requestId");
		if (type == null) {
			logger.debug("Ignoring a request of unknown type " + request.get("type"));
			return;
		}
		switch (type) {
			case SOCKETS -> respond(requestId, "sockets",
					List.copyOf(sockets(WireValues.strings(request.get("rooms")))));
			case ALL_ROOMS -> respond(requestId, "rooms", List.copyOf(rooms()));
			case REMOTE_JOIN, REMOTE_LEAVE, REMOTE_DISCONNECT -> onSocketsRequest(type, request);
			case REMOTE_FETCH -> respond(requestId, "sockets",
					SocketDetailsValues.toResponse(super.fetchSockets(WireValues.options(request.get("opts"))).join()));
			case SERVER_SIDE_EMIT -> onServerSideEmit(requestId, request);
			case BROADCAST -> onBroadcastWithAck(requestId, request);
			default -> logger.debug("Ignoring a request of type " + type);
		}
	}

	private void onSocketsRequest(RequestType type, Map<String, Object> request) {
		// the single-socket form of older adapters (with "sid") is not used by Socket.IO 4
		if (request.get("opts") == null) {
			return;
		}
		BroadcastOptions options = WireValues.options(request.get("opts"));
		switch (type) {
			case REMOTE_JOIN -> super.addSockets(options, WireValues.strings(request.get("rooms")));
			case REMOTE_LEAVE -> super.delSockets(options, WireValues.strings(request.get("rooms")));
			default -> super.disconnectSockets(options, Boolean.TRUE.equals(request.get("close")));
		}
	}

	private void onServerSideEmit(@Nullable Object requestId, Map<String, Object> request) {
		if (!(request.get("data") instanceof List<?> data)) {
			return;
		}
		// only the first acknowledgement argument crosses the cluster, as Node sends it
		@Nullable Consumer<List<Object>> ack = (requestId != null) ? (args) -> {
			Map<String, Object> response = response(RequestType.SERVER_SIDE_EMIT, requestId);
			response.put("data", args.isEmpty() ? null : args.get(0));
			publish(this.channels.response(), this.codec.json(response));
		} : null;
		namespace().receiveServerSideEmit(new ArrayList<>(data), ack);
	}

	private void onBroadcastWithAck(@Nullable Object requestId, Map<String, Object> request) {
		Packet received = WireValues.packet(request.get("packet"));
		if (received == null) {
			return;
		}
		// acknowledgement ids are this node's, as each socket keeps its own
		Packet packet = new Packet(received.type(), namespace().name(), namespace().nextAckId(), received.data());
		super.broadcastWithAck(packet, WireValues.options(request.get("opts")), (count) -> {
			Map<String, Object> response = response(RequestType.BROADCAST_CLIENT_COUNT, requestId);
			response.put("clientCount", count);
			publish(this.channels.response(), this.codec.json(response));
		}, (args) -> {
			Map<String, Object> response = response(RequestType.BROADCAST_ACK, requestId);
			response.put("packet", args.isEmpty() ? null : args.get(0));
			publish(this.channels.response(), this.codec.messagePack(response));
		});
	}

	private void respond(@Nullable Object requestId, String key, List<?> value) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("requestId", requestId);
		response.put(key, value);
		publish(this.channels.response(), this.codec.json(response));
	}

	private static Map<String, Object> response(RequestType type, @Nullable Object requestId) {
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("type", type.code());
		response.put("requestId", requestId);
		return response;
	}

	private void onResponse(byte[] body) {
		Map<String, Object> response = this.codec.decodeMap(body);
		Object requestId = (response != null) ? response.get("requestId") : null;
		if (requestId == null) {
			return;
		}
		if (this.acks.isAwaited(requestId)) {
			RequestType type = RequestType.fromCode(response.get("type"));
			if (type == RequestType.BROADCAST_CLIENT_COUNT) {
				this.acks.clientCount(requestId, response.get("clientCount"));
			}
			else if (type == RequestType.BROADCAST_ACK) {
				this.acks.ack(requestId, response.get("packet"));
			}
			return;
		}
		this.requests.add(requestId, response);
	}

}
