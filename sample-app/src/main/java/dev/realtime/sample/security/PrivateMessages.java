package dev.realtime.sample.security;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.server.Channel;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.RealtimeException;

/**
 * Private messages over each user's own channel {@code user.<name>}, which only that user may subscribe to.
 */
@RealtimeController("/chat")
class PrivateMessages {

	private final RealtimeServer server;

	PrivateMessages(RealtimeServer server) {
		this.server = server;
	}

	@OnEvent("whisper")
	Delivery whisper(@Nullable Principal sender, @Nullable Whisper whisper) {
		if (sender == null) {
			throw new RealtimeException("Log in to whisper");
		}
		if (whisper == null || whisper.to() == null || whisper.text() == null || whisper.text().isBlank()) {
			throw new RealtimeException("A whisper needs a recipient and a text: {\"to\": \"bob\", \"text\": \"psst\"}");
		}
		Channel inbox = this.server.namespace("/chat").channel("user." + whisper.to());
		inbox.publish(new Received(sender.getName(), whisper.text()));
		return new Delivery(!inbox.localSubscribers().isEmpty());
	}

	record Whisper(String to, String text) {
	}

	record Received(String from, String text) {
	}

	record Delivery(boolean online) {
	}

}
