package dev.realtime.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds a {@link RealtimeTestClient} bean to the test's application context, which connects to the application a
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} (or {@code DEFINED_PORT}) runs: its port, its
 * {@code server.servlet.context-path} and {@code realtime.path}, read once the server has started. The sockets it
 * connected are closed after each test method.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureRealtimeTestClient {

}
