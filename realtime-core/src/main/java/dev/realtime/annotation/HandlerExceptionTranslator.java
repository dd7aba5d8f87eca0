package dev.realtime.annotation;

import org.jspecify.annotations.Nullable;

import dev.realtime.server.RealtimeException;

/**
 * Turns a handler method's failure into the error its client may see, such as method security's access denial.
 * Beans of this type are consulted in order; a failure none translates reaches the client as a generic error.
 */
@FunctionalInterface
public interface HandlerExceptionTranslator {

	/** The client-facing error for the failure, or null to leave it to the next translator. */
	@Nullable RealtimeException translate(Exception failure);

}
