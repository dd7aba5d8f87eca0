package dev.realtime.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import dev.realtime.server.InvocationScope;
import dev.realtime.server.RealtimeSocket;

/**
 * Exposes a socket's user as the thread's {@link SecurityContext} while that socket's middleware and handlers run,
 * so method security ({@code @PreAuthorize}) and {@code SecurityContextHolder} work in them. Each call gets a fresh
 * context, and the thread's previous one is restored afterwards, so a context never leaks to another socket.
 */
public class SecurityContextInvocationScope implements InvocationScope {

	private SecurityContextHolderStrategy holderStrategy = SecurityContextHolder.getContextHolderStrategy();

	public void setSecurityContextHolderStrategy(SecurityContextHolderStrategy holderStrategy) {
		this.holderStrategy = holderStrategy;
	}

	@Override
	public Scope enter(RealtimeSocket socket) {
		SecurityContextHolderStrategy strategy = this.holderStrategy;
		SecurityContext previous = strategy.getContext();
		SecurityContext context = strategy.createEmptyContext();
		if (socket.principal() instanceof Authentication authentication) {
			context.setAuthentication(authentication);
		}
		strategy.setContext(context);
		return () -> {
			if (previous.getAuthentication() != null) {
				strategy.setContext(previous);
			}
			else {
				strategy.clearContext();
			}
		};
	}

}
