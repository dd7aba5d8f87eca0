package dev.realtime.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import dev.realtime.adapter.BroadcastOptions;

/**
 * A publish/subscribe channel of a namespace (SocketCluster's channels). Clients subscribe with {@code #subscribe};
 * a publication reaches each subscriber as a {@code #publish} event with {@code {channel, data}}, after the
 * PUBLISH_OUT middleware of that subscriber.
 */
public final class Channel {

	private final Namespace namespace;

	private final String name;

	Channel(Namespace namespace, String name) {
		this.namespace = namespace;
		this.name = name;
	}

	public String name() {
		return this.name;
	}

	/** Publishes data to every subscriber, on every node. */
	public void publish(@Nullable Object data) {
		publish(data, null);
	}

	void publish(@Nullable Object data, @Nullable String publisherId) {
		this.namespace.adapter()
			.broadcast(ChannelRequests.publication(this.namespace.name(), this.name, data),
					new BroadcastOptions(Set.of(room()), Set.of(), false, publisherId));
	}

	/** The ids of the subscribers connected to this node. */
	public Set<String> localSubscribers() {
		return this.namespace.adapter().sockets(Set.of(room()));
	}

	/** The subscribers, on every node. */
	public CompletableFuture<List<RemoteSocket>> subscribers() {
		return this.namespace.to(room()).fetchSockets();
	}

	private String room() {
		return ChannelRequests.room(this.name);
	}

}
