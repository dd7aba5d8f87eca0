package dev.realtime.sample;

import org.springframework.stereotype.Component;

import dev.realtime.annotation.NamespaceScope;
import dev.realtime.middleware.Next;
import dev.realtime.middleware.PublishOutContext;
import dev.realtime.middleware.PublishOutMiddleware;

/**
 * Skips the subscribers of the news channel who muted it with a {@code mute-news} event; they stay subscribed, so
 * unmuting needs no new subscription.
 */
@Component
@NamespaceScope(ChatController.NAMESPACE)
class MutedNewsFilter implements PublishOutMiddleware {

	@Override
	public void onPublishOut(PublishOutContext context, Next next) {
		if (NewsTicker.CHANNEL.equals(context.channel()) && ChatMembers.newsMuted(context.socket())) {
			next.block();
		}
		else {
			next.proceed();
		}
	}

}
