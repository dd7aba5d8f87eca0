package dev.realtime.security;

import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.EventMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.middleware.PublishInContext;
import dev.realtime.middleware.PublishInMiddleware;
import dev.realtime.middleware.SocketContext;
import dev.realtime.middleware.SubscribeContext;
import dev.realtime.middleware.SubscribeMiddleware;
import dev.realtime.server.RealtimeException;

/**
 * Applies {@link RealtimeAuthorizationRules} to connecting, events, subscribing and publishing, for the user
 * authenticated at the handshake. A denial rejects the action on its line with an "Access denied" error. Runs at
 * {@link #ORDER}, after authentication and expiry.
 */
public class AuthorizationMiddleware
		extends OrderedMiddleware
		implements ConnectMiddleware, EventMiddleware, SubscribeMiddleware, PublishInMiddleware {

	public static final int ORDER = AuthenticationMiddleware.ORDER + 20;

	/** The message of every denial; what was denied stays in the server log. */
	public static final String ACCESS_DENIED = "Access denied";

	private final RealtimeAuthorizationRules rules;

	public AuthorizationMiddleware(RealtimeAuthorizationRules rules) {
		super(ORDER);
		this.rules = rules;
	}

	@Override
	public void onConnect(ConnectContext context, Next next) {
		authorize(context, next);
	}

	@Override
	public void onEvent(EventContext context, Next next) {
		authorize(context, next);
	}

	@Override
	public void onSubscribe(SubscribeContext context, Next next) {
		authorize(context, next);
	}

	@Override
	public void onPublishIn(PublishInContext context, Next next) {
		authorize(context, next);
	}

	private void authorize(SocketContext context, Next next) {
		AuthorizationResult result = this.rules.authorize(
				() -> authentication(context), context);
		if (result.isGranted()) {
			next.proceed();
		}
		else {
			next.reject(new RealtimeException(ACCESS_DENIED));
		}
	}

}
