package dev.realtime.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

import dev.realtime.middleware.PublishInContext;
import dev.realtime.middleware.SubscribeContext;
import dev.realtime.middleware.Verdict;
import dev.realtime.protocol.Packet;

/**
 * SocketCluster-style channels on the Socket.IO protocol: a client sends {@code #subscribe} (channel name),
 * {@code #unsubscribe} (channel name) or {@code #publish} ({@code {channel, data}}), each with an ack; deliveries
 * arrive as {@code #publish} events carrying {@code {channel, data}}. A channel's subscribers are the sockets in the
 * room {@code #<channel>}, so channels travel wherever the adapter carries rooms.
 */
final class ChannelRequests {

	static final String SUBSCRIBE = "#subscribe";

	static final String UNSUBSCRIBE = "#unsubscribe";

	static final String PUBLISH = "#publish";

	private ChannelRequests() {
	}

	static boolean isChannelRequest(String event) {
		return SUBSCRIBE.equals(event) || UNSUBSCRIBE.equals(event) || PUBLISH.equals(event);
	}

	static boolean isPublication(Packet packet) {
		List<?> data = (List<?>) packet.data();
		return packet.id() == null && data.size() == 2 && PUBLISH.equals(data.get(0));
	}

	static String room(String channel) {
		return "#" + channel;
	}

	static Packet publication(String namespace, String channel, @Nullable Object data) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("channel", channel);
		payload.put("data", data);
		return Packet.event(namespace, null, List.of(PUBLISH, payload));
	}

	static CompletionStage<?> handle(NamespaceSocket socket, String event, List<Object> args, Ack ack) {
		Object first = args.isEmpty() ? null : args.get(0);
		if (SUBSCRIBE.equals(event) && first instanceof String channel) {
			return subscribe(socket, channel, ack);
		}
		if (UNSUBSCRIBE.equals(event) && first instanceof String channel) {
			socket.leave(room(channel));
			ack.send();
			return CompletableFuture.completedFuture(null);
		}
		if (PUBLISH.equals(event) && first instanceof Map<?, ?> publication
				&& publication.get("channel") instanceof String channel) {
			return publish(socket, channel, publication.get("data"), ack);
		}
		socket.refuse(Verdict.reject(new RealtimeException("Malformed " + event + " request")), ack, event);
		return CompletableFuture.completedFuture(null);
	}

	private static CompletionStage<?> subscribe(NamespaceSocket socket, String channel, Ack ack) {
		SubscribeContext context = new SubscribeContext(socket, channel);
		return socket.namespace().lines().subscribe().run(context, socket.client()::execute).thenAccept((verdict) -> {
			if (!socket.isConnected()) {
				return;
			}
			if (verdict.proceeds()) {
				socket.join(room(channel));
				ack.send();
				Dispatch.subscribed(socket, channel);
			}
			else {
				socket.refuse(verdict, ack, "Subscribe to \"" + channel + "\"");
			}
		});
	}

	private static CompletionStage<?> publish(NamespaceSocket socket, String channel, @Nullable Object data,
			Ack ack) {
		PublishInContext context = new PublishInContext(socket, channel, data);
		return socket.namespace().lines().publishIn().run(context, socket.client()::execute).thenAccept((verdict) -> {
			if (!socket.isConnected()) {
				return;
			}
			if (verdict.proceeds()) {
				socket.namespace().channel(channel).publish(context.data(), socket.id());
				if (context.ackData() != null) {
					ack.send(context.ackData());
				}
				else {
					ack.send();
				}
				Dispatch.published(socket, channel, context.data());
			}
			else {
				socket.refuse(verdict, ack, "Publish to \"" + channel + "\"");
			}
		});
	}

}
