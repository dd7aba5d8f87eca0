package dev.realtime.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles the event with this name. Parameters are resolved by type: {@link dev.realtime.server.RealtimeSocket},
 * {@link dev.realtime.server.Ack}, {@link dev.realtime.server.Handshake}, {@link dev.realtime.server.Namespace},
 * {@link java.security.Principal}; every other parameter takes the next event argument, converted to its declared
 * type (a POJO, a record, a {@code List<T>}, {@code byte[]} for binary) with the application's JSON mapper. A
 * non-void return value (or the value of a returned {@link java.util.concurrent.CompletionStage}) answers the
 * client's acknowledgement; a {@code void} method without an {@code Ack} parameter answers it with no arguments once
 * it returns; a failure answers it with an error object.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnEvent {

	/** The event name. */
	String value();

}
