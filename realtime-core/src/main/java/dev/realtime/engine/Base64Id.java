package dev.realtime.server;

import java.security.SecureRandom;
import java.util.Base64;

/** Socket ids as Node's Socket.IO makes them: 15 random bytes, 20 characters of base64url. */
final class SocketIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private SocketIds() {
	}

	static String next() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

}
