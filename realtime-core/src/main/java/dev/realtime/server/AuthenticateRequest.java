package dev.realtime.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The reserved {@code #authenticate} request, named after the channels' {@code #} requests: a client renews its
 * credentials in-band and is answered with an empty ack, or with the error that refused them. It is handled in the
 * socket's queue of actions, so the actions sent before it finish with the old credentials and those sent after it
 * start with the new ones.
 */
final class AuthenticateRequest {

	static final String NAME = "#authenticate";

	private AuthenticateRequest() {
	}

	static void handle(NamespaceSocket socket, List<Object> args, Ack ack,
			@Nullable CredentialRenewal renewal) {
		try {
			if (renewal == null) {
				throw new RealtimeException("Re-authentication is not enabled");
			}
			if (args.isEmpty() || !(args.get(0) instanceof Map<?, ?> payload)) {
				throw new RealtimeException("Malformed " + NAME + " request");
			}
			Map<String, Object> credentials = new LinkedHashMap<>();
			payload.forEach((key, value) -> credentials.put(String.valueOf(key), value));
			renewal.renew(socket, credentials);
			ack.send();
		}
		catch (RuntimeException ex) {
			socket.fail(ex, ack, "Re-authentication");
		}
	}

}
