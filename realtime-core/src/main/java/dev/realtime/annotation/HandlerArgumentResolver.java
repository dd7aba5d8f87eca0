package dev.realtime.annotation;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

import dev.realtime.server.RealtimeSocket;

/**
 * Resolves handler method parameters the built-in rules do not know, such as Spring Security's
 * {@code @AuthenticationPrincipal}. Beans of this type are consulted in order, before the built-in rules.
 */
public interface HandlerArgumentResolver {

	/** Whether this resolver supplies the parameter's value; asked once per handler method. */
	boolean supportsParameter(MethodParameter parameter);

	/** The parameter's value for one call on behalf of a socket. */
	@Nullable Object resolveArgument(MethodParameter parameter, RealtimeSocket socket);

}
