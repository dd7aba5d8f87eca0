package dev.realtime.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import dev.realtime.annotation.HandlerExceptionTranslator;
import dev.realtime.server.RealtimeException;

/**
 * Answers a handler that method security refused ({@code @PreAuthorize}) with the same "Access denied" error as the
 * authorization rules, instead of a generic error and a stack trace in the server log.
 */
public class AccessDeniedExceptionTranslator implements HandlerExceptionTranslator {

	@Override
	public @Nullable RealtimeException translate(Exception failure) {
		return (failure instanceof AccessDeniedException) ? new RealtimeException(AuthorizationMiddleware.ACCESS_DENIED)
				: null;
	}

}
