package dev.realtime.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits a middleware bean to some namespaces (Socket.IO's {@code io.of("/admin").use(...)}): names such as
 * {@code /admin}, or templates such as {@code /workspace-{id}}. On the bean's class or its {@code @Bean} method.
 * Without it, a middleware applies to every namespace.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NamespaceScope {

	String[] value();

}
