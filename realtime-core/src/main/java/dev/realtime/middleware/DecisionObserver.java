package dev.realtime.middleware;

/**
 * Told how each run of a line's middleware ended, for metrics. Runs of a line with no middleware decide nothing and
 * are not reported.
 */
@FunctionalInterface
public interface DecisionObserver {

	/**
	 * @param line the line that ran
	 * @param verdict how it ended; a middleware that did not decide in time ends in a rejection with a
	 * {@link MiddlewareTimeoutException}
	 */
	void decided(MiddlewareLine line, Verdict verdict);

}
