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
		return new Invocation(socket, null, List.of(), NO_ACK, null);
	}

	static final Ack NO_ACK = new Ack() {

		@Override
		public boolean isRequested() {
			return false;
		}

		@Override
		public void send(Object... args) {
		}

	};

}
