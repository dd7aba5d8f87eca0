package dev.realtime.seeds;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the server side of the seed examples did, in order. */
public class SeedTrace {

	private final List<String> entries = new CopyOnWriteArrayList<>();

	void add(String entry) {
		this.entries.add(entry);
	}

	List<String> entries() {
		return this.entries;
	}

	/** The entries that start with a prefix, so scenarios sharing a context do not see each other. */
	List<String> startingWith(String prefix) {
		return this.entries.stream().filter((entry) -> entry.startsWith(prefix)).toList();
	}

}
