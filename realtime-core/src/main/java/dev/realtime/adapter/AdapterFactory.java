package dev.realtime.adapter;

/** Creates the adapter of each namespace. Define a bean of this type to replace the in-memory default. */
@FunctionalInterface
public interface AdapterFactory {

	Adapter create(AdapterNamespace namespace);

	/** The state of the link to the other nodes, shared by the adapters this factory creates. */
	default AdapterStatus status() {
		return AdapterStatus.LOCAL;
	}

	/** Releases what the adapters share, after each adapter was closed. */
	default void close() {
	}

}
