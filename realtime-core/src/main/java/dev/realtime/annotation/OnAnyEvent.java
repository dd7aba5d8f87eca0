package dev.realtime.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sees every event of the namespace, before the handlers of its name. The event name is injected into an
 * {@link EventName} parameter, all its arguments into an {@link EventArgs} one; other parameters as for
 * {@link OnEvent}. Only a return value answers the acknowledgement: a {@code void} method leaves it to the handlers
 * of the event's name.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OnAnyEvent {

}
