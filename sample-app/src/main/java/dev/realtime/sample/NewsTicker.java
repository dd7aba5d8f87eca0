package dev.realtime.sample;

import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.realtime.sample.ChatPayloads.News;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeServer;

/**
 * Publishes a news line to the chat's {@value #CHANNEL} channel every five seconds: the server time and how many
 * sockets are connected to the chat. Pages subscribe to it with {@code #subscribe}.
 */
@Component
class NewsTicker {

	static final String CHANNEL = "news";

	private final Namespace chat;

	NewsTicker(RealtimeServer server) {
		this.chat = server.namespace(ChatController.NAMESPACE);
	}

	@Scheduled(fixedRate = 5, timeUnit = TimeUnit.SECONDS)
	void publish() {
		int connected = this.chat.socketCount();
		String headline = connected + ((connected == 1) ? " socket" : " sockets") + " connected to the chat";
		this.chat.channel(CHANNEL).publish(new News(headline, System.currentTimeMillis()));
	}

}
