package dev.realtime.annotation;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.realtime.server.Ack;
import dev.realtime.server.DisconnectReason;
import dev.realtime.server.RealtimeSocket;

/** What a handler method is called for: the values its parameters are resolved from. */
record Invocation(RealtimeSocket socket, @Nullable String event, List<Object> args, Ack ack,
		@Nullable DisconnectReason reason) {

	static Invocation of(RealtimeSocket socket) {
		return new Invocation(socket, null, List.of(), Ack.NONE, null);
	}

}
