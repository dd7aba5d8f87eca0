package dev.realtime.redis;

import java.security.SecureRandom;

/** Short random ids for nodes and requests, like the Node adapter's six-character ones. */
final class RandomIds {

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		.toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private RandomIds() {
	}

	static String next() {
		char[] id = new char[6];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}

}
