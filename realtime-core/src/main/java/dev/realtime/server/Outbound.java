package dev.realtime.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.realtime.engine.EngineMessage;
import dev.realtime.middleware.EmitOutContext;
import dev.realtime.middleware.MiddlewareRegistry.Lines;
import dev.realtime.middleware.PublishOutContext;
import dev.realtime.protocol.Packet;

/**
 * Sends an event to one recipient through the EMIT_OUT line, or a channel publication through the PUBLISH_OUT
 * line. With no middleware on that line the shared encoding goes out as it is; otherwise the line runs on the
 * recipient's serial executor and the packet is encoded again only when a middleware changed it.
 */
final class Outbound {

	private Outbound() {
	}

	static void deliver(NamespaceSocket socket, Packet packet, @Nullable List<EngineMessage> encoded,
			@Nullable String senderId) {
		Lines lines = socket.namespace().lines();
		boolean publication = ChannelRequests.isPublication(packet);
		if (publication ? lines.publishOut().isEmpty() : lines.emitOut().isEmpty()) {
			send(socket, packet, encoded);
			return;
		}
		socket.client().execute(() -> {
			if (publication) {
				publishOut(socket, lines, packet, encoded, senderId);
			}
			else {
				emitOut(socket, lines, packet, encoded);
			}
		});
	}

	private static void emitOut(NamespaceSocket socket, Lines lines, Packet packet,
			@Nullable List<EngineMessage> encoded) {
		List<?> data = (List<?>) packet.data();
		String event = String.valueOf(data.get(0));
		List<Object> original = new ArrayList<>(data.subList(1, data.size()));
		EmitOutContext context = new EmitOutContext(socket, event, new ArrayList<>(original));
		lines.emitOut().run(context, socket.client()::execute).thenAccept((verdict) -> {
			if (verdict.proceeds() && socket.isConnected()) {
				Packet sent = original.equals(context.args()) ? packet
						: Packet.event(packet.namespace(), packet.id(), BroadcastOperator.eventData(event,
								context.args().toArray()));
				send(socket, sent, (sent == packet) ? encoded : null);
			}
		});
	}

	private static void publishOut(NamespaceSocket socket, Lines lines, Packet packet,
			@Nullable List<EngineMessage> encoded, @Nullable String senderId) {
		Map<?, ?> publication = (Map<?, ?>) ((List<?>) packet.data()).get(1);
		String channel = String.valueOf(publication.get("channel"));
		Object data = publication.get("data");
		PublishOutContext context = new PublishOutContext(socket, channel, data, senderId);
		lines.publishOut().run(context, socket.client()::execute).thenAccept((verdict) -> {
			if (verdict.proceeds() && socket.isConnected()) {
				Packet sent = Objects.equals(data, context.data()) ? packet
						: ChannelRequests.publication(packet.namespace(), channel, context.data());
				send(socket, sent, (sent == packet) ? encoded : null);
			}
		});
	}

	/** Queues the packet for the socket, with the shared encoding when there is one; observers are told. */
	private static void send(NamespaceSocket socket, Packet packet, @Nullable List<EngineMessage> encoded) {
		Observers observers = socket.namespace().server().observers();
		if (!observers.isEmpty()) {
			List<?> data = (List<?>) packet.data();
			observers.eventSent(socket, String.valueOf(data.get(0)), data.subList(1, data.size()));
		}
		socket.client().send((encoded != null) ? encoded : socket.namespace().encode(packet));
	}

}
