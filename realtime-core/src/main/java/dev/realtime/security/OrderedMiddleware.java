package dev.realtime.security;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;

import dev.realtime.middleware.SocketContext;

/** A security middleware at a documented order that the application may move. */
abstract class OrderedMiddleware implements Ordered {

	private int order;

	OrderedMiddleware(int order) {
		this.order = order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/** The socket's user, when it is a Spring Security one. */
	static @Nullable Authentication authentication(SocketContext context) {
		return (context.principal() instanceof Authentication authentication) ? authentication : null;
	}

}
