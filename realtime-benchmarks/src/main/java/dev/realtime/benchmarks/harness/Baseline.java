package dev.realtime.benchmarks.harness;

/**
 * The build of an earlier revision that {@code run.sh} makes when {@code BASELINE=<git revision>} is set, and hands
 * to the harness as the system properties {@code benchmarks.baseline.revision} and
 * {@code benchmarks.baseline.classpath}: the benchmark servers of that revision, for a before and after in one run.
 */
final class Baseline {

	private static final String REVISION = System.getProperty("benchmarks.baseline.revision");

	private static final String CLASSPATH = System.getProperty("benchmarks.baseline.classpath");

	private Baseline() {
	}

	static boolean isBuilt() {
		return REVISION != null && CLASSPATH != null;
	}

	/** The revision as given, or a placeholder when none was built. */
	static String revision() {
		return (REVISION != null) ? REVISION : "baseline";
	}

	/** Its servers' classpath, both containers on it as on the harness's own. */
	static String classpath() {
		if (!isBuilt()) {
			throw new IllegalStateException("No baseline was built: run run.sh with BASELINE=<git revision>");
		}
		return CLASSPATH;
	}

}
