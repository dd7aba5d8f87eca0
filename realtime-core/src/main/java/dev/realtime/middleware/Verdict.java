package dev.realtime.middleware;

import org.jspecify.annotations.Nullable;

/**
 * How a chain of middleware ended.
 *
 * @param kind proceed, reject or block
 * @param error the rejection's error
 */
public record Verdict(Kind kind, @Nullable Throwable error) {

	public static final Verdict PROCEED = new Verdict(Kind.PROCEED, null);

	public static final Verdict BLOCK = new Verdict(Kind.BLOCK, null);

	public static Verdict reject(Throwable error) {
		return new Verdict(Kind.REJECT, error);
	}

	public boolean proceeds() {
		return this.kind == Kind.PROCEED;
	}

	public enum Kind {

		PROCEED, REJECT, BLOCK

	}

}
