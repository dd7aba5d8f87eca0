package dev.realtime.adapter;

/** Creates the adapter of each namespace. Define a bean of this type to replace the in-memory default. */
@FunctionalInterface
public interface AdapterFactory {

	Adapter create(AdapterNamespace namespace);

}
