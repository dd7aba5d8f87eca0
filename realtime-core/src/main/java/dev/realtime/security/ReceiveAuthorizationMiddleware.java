package dev.realtime.security;

import dev.realtime.middleware.EmitOutContext;
import dev.realtime.middleware.EmitOutMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.middleware.PublishOutContext;
import dev.realtime.middleware.PublishOutMiddleware;
import dev.realtime.middleware.SocketContext;

/**
 * Applies the {@code receive} rules of {@link RealtimeAuthorizationRules} to each recipient of a channel
 * publication or a server event, for the recipient's user: one who may not receive it is skipped, silently (the
 * sender learns nothing of who received what). Register it only when the rules have
 * {@link RealtimeAuthorizationRules#hasReceiveRules() receive rules}: without outbound middleware a broadcast costs
 * nothing extra. Runs at {@link AuthorizationMiddleware#ORDER}.
 */
public class ReceiveAuthorizationMiddleware extends OrderedMiddleware
		implements PublishOutMiddleware, EmitOutMiddleware {

	private final RealtimeAuthorizationRules rules;

	public ReceiveAuthorizationMiddleware(RealtimeAuthorizationRules rules) {
		super(AuthorizationMiddleware.ORDER);
		this.rules = rules;
	}

	@Override
	public void onPublishOut(PublishOutContext context, Next next) {
		authorize(context, next);
	}

	@Override
	public void onEmitOut(EmitOutContext context, Next next) {
		authorize(context, next);
	}

	private void authorize(SocketContext context, Next next) {
		if (this.rules.authorizeReceive(() -> authentication(context), context).isGranted()) {
			next.proceed();
		}
		else {
			next.block();
		}
	}

}
