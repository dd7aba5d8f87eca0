package dev.realtime.middleware;

import org.jspecify.annotations.Nullable;

/** A {@link Next} that remembers the decision. */
final class RecordingNext implements Next {

	private @Nullable Verdict verdict;

	@Override
	public void proceed() {
		this.verdict = Verdict.PROCEED;
	}

	@Override
	public void reject(Throwable error) {
		this.verdict = Verdict.reject(error);
	}

	@Override
	public void block() {
		this.verdict = Verdict.BLOCK;
	}

	@Nullable Verdict verdict() {
		return this.verdict;
	}

}
