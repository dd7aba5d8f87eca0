package dev.realtime.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * A bean whose {@link OnConnect}, {@link OnEvent}, {@link OnAnyEvent} and {@link OnDisconnect} methods handle a
 * namespace. The methods are called through the bean's Spring proxy, so {@code @Transactional}, {@code @PreAuthorize}
 * and other advice apply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface RealtimeController {

	/** Alias for {@link #namespace()}. */
	@AliasFor("namespace")
	String value() default "/";

	/**
	 * The namespace handled: a name such as {@code /chat}, or a template such as {@code /workspace-{id}} for
	 * namespaces made on demand.
	 */
	@AliasFor("value")
	String namespace() default "/";

}
