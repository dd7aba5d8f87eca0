package dev.realtime.server;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespaces of a server and the dynamic namespaces that make more on demand. A namespace that a dynamic
 * namespace made for a client can be removed once its last socket has left (Socket.IO's
 * {@code cleanupEmptyChildNamespaces}): every socket joining it holds it from its CONNECT until it leaves, and a
 * namespace is removed only at the moment, atomic with the map's entry, when the last hold ends. A socket that
 * arrives meanwhile finds the namespace still there, or a new one.
 */
final class Namespaces {

	private static final Logger logger = LoggerFactory.getLogger(Namespaces.class);

	private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();

	private final List<DynamicNamespace> dynamicNamespaces = new CopyOnWriteArrayList<>();

	private final RealtimeServer server;

	private final boolean cleanupEmpty;

	/** How long an emptied namespace waits before it goes, for the sessions it keeps; null for no wait. */
	private final @Nullable Duration keepEmptied;

	Namespaces(RealtimeServer server, boolean cleanupEmpty, @Nullable Duration keepEmptied) {
		this.server = server;
		this.cleanupEmpty = cleanupEmpty;
		this.keepEmptied = keepEmptied;
	}

	/**
	 * The namespace with this name, created when missing: from the dynamic namespace it matches, if any, and then
	 * kept, since the application asked for it by name.
	 */
	Namespace named(String name) {
		Namespace existing = this.namespaces.get(name);
		if (existing != null) {
			return existing;
		}
		return this.namespaces.computeIfAbsent(name, (key) -> {
			Namespace made = fromDynamic(key, false);
			return (made != null) ? made
					: new Namespace(key, key, this.server, this.server.newHandlers(), Map.of(), false);
		});
	}

	synchronized DynamicNamespace register(DynamicNamespace dynamic) {
		for (DynamicNamespace existing : this.dynamicNamespaces) {
			if (existing.pattern().pattern().equals(dynamic.pattern().pattern())) {
				return existing;
			}
		}
		this.dynamicNamespaces.add(dynamic);
		return dynamic;
	}

	Collection<Namespace> all() {
		return Collections.unmodifiableCollection(this.namespaces.values());
	}

	Collection<DynamicNamespace> dynamicNamespaces() {
		return Collections.unmodifiableCollection(this.dynamicNamespaces);
	}

	/**
	 * The namespace a client's socket asks to join, made by a dynamic namespace when one matches; held for the
	 * socket until it {@link #release releases} it.
	 * @return the namespace, or null when no namespace has this name and no dynamic namespace matches it
	 */
	@Nullable Namespace hold(String name) {
		Namespace existing = this.namespaces.get(name);
		if (existing != null && !existing.isRemovable()) {
			return existing;
		}
		return this.namespaces.compute(name, (key, current) -> {
			Namespace namespace = (current != null) ? current : fromDynamic(key, this.cleanupEmpty);
			if (namespace != null) {
				namespace.hold();
			}
			return namespace;
		});
	}

	/**
	 * The socket that held this namespace left it, or never joined; the last one out removes it, or, when emptied
	 * namespaces wait, has it removed once it stayed unused that long.
	 */
	void release(Namespace namespace) {
		if (!namespace.isRemovable()) {
			return;
		}
		boolean now = this.keepEmptied == null;
		boolean[] removed = new boolean[1];
		int[] emptied = { -1 };
		this.namespaces.computeIfPresent(namespace.name(), (key, current) -> {
			if (current != namespace || !namespace.release()) {
				return current;
			}
			removed[0] = now;
			emptied[0] = namespace.emptyings();
			return now ? null : current;
		});
		if (removed[0]) {
			removed(namespace);
		}
		else if (emptied[0] >= 0 && this.keepEmptied != null) {
			int emptying = emptied[0];
			try {
				this.server.schedule(() -> removeIfUnusedSince(namespace, emptying), this.keepEmptied);
			}
			catch (RejectedExecutionException ex) {
				// the application is stopping: closing the server closes the namespace's adapter
			}
		}
	}

	private void removeIfUnusedSince(Namespace namespace, int emptying) {
		boolean[] removed = new boolean[1];
		this.namespaces.computeIfPresent(namespace.name(), (key, current) -> {
			removed[0] = current == namespace && namespace.isUnusedSince(emptying);
			return removed[0] ? null : current;
		});
		if (removed[0]) {
			removed(namespace);
		}
	}

	private void removed(Namespace namespace) {
		for (DynamicNamespace dynamic : this.dynamicNamespaces) {
			dynamic.removed(namespace);
		}
		try {
			namespace.adapter().close();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not close the adapter of namespace {}: {}", namespace.name(), ex.toString());
		}
	}

	private @Nullable Namespace fromDynamic(String name, boolean removable) {
		for (DynamicNamespace dynamic : this.dynamicNamespaces) {
			Map<String, String> variables = dynamic.match(name);
			if (variables != null) {
				Namespace created = new Namespace(name, dynamic.name(), this.server, dynamic.handlers(), variables,
						removable);
				dynamic.created(created);
				return created;
			}
		}
		return null;
	}

}
