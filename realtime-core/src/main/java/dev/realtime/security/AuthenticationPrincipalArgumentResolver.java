package dev.realtime.security;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

import dev.realtime.annotation.HandlerArgumentResolver;
import dev.realtime.server.RealtimeSocket;

/**
 * Resolves handler parameters annotated with {@link AuthenticationPrincipal} to the principal of the socket's
 * {@link Authentication} (a {@code UserDetails}, a {@code Jwt}, ...), or null when the socket has no user or the
 * principal is not of the parameter's type ({@code errorOnInvalidType} makes that an error). SpEL
 * {@code expression}s are not supported and refused when the handler is registered.
 */
public class AuthenticationPrincipalArgumentResolver implements HandlerArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		AuthenticationPrincipal annotation = parameter.getParameterAnnotation(AuthenticationPrincipal.class);
		if (annotation != null && !annotation.expression().isEmpty()) {
			throw new IllegalStateException("@AuthenticationPrincipal expressions are not supported on " + parameter);
		}
		return annotation != null;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, RealtimeSocket socket) {
		if (!(socket.principal() instanceof Authentication authentication)) {
			return null;
		}
		Object principal = authentication.getPrincipal();
		if (principal == null || parameter.getParameterType().isInstance(principal)) {
			return principal;
		}
		AuthenticationPrincipal annotation = parameter.getParameterAnnotation(AuthenticationPrincipal.class);
		if (annotation != null && annotation.errorOnInvalidType()) {
			throw new ClassCastException(principal + " is not assignable to " + parameter.getParameterType());
		}
		return null;
	}

}
