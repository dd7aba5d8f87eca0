package dev.realtime.engine;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Ids as Node's Socket.IO makes them (its {@code base64id}): 15 random bytes, 20 characters of base64url. Used for
 * Engine.IO session ids and Socket.IO socket ids alike, so ids from either runtime mix in a cluster.
 */
public final class Base64Id {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private Base64Id() {
	}

	public static String generate() {
		byte[] bytes = new byte[15];
		RANDOM.nextBytes(bytes);
		return ENCODER.encodeToString(bytes);
	}

}
