package dev.realtime.sample.security;

import java.security.Principal;

import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.server.RealtimeServer;

/** The {@code /admin} namespace: only users with the ADMIN role may connect (see the realtime rules). */
@RealtimeController("/admin")
class AdminController {

	private final RealtimeServer server;

	AdminController(RealtimeServer server) {
		this.server = server;
	}

	/** Sends an announcement to everyone in the chat and answers with how many sockets it reached here. */
	@OnEvent("announce")
	int announce(Principal admin, String text) {
		this.server.namespace("/chat").emit("announcement", new Announcement(admin.getName(), text));
		return this.server.namespace("/chat").socketCount();
	}

	record Announcement(String from, String text) {
	}

}
