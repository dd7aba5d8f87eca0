package dev.realtime.sample;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.realtime.annotation.NamespaceScope;
import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.EventMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.server.RealtimeException;

/**
 * Refuses chat messages that contain one of the {@code chat.blocked-words}, as a whole word in any case, before the
 * message handler sees them; the refusal answers the message's acknowledgement.
 */
@Component
@NamespaceScope(ChatController.NAMESPACE)
class BlockedWordFilter implements EventMiddleware {

	private final List<Pattern> blockedWords;

	BlockedWordFilter(ChatProperties properties) {
		this.blockedWords = properties.blockedWords()
			.stream()
			.map((word) -> Pattern.compile("\\b" + Pattern.quote(word) + "\\b",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
			.toList();
	}

	@Override
	public void onEvent(EventContext context, Next next) {
		Optional<String> blocked = ChatController.MESSAGE.equals(context.event()) ? blockedWordIn(context.args())
				: Optional.empty();
		if (blocked.isPresent()) {
			next.reject(new RealtimeException("Messages may not contain \"" + blocked.get() + "\"",
					Map.of("word", blocked.get())));
		}
		else {
			next.proceed();
		}
	}

	private Optional<String> blockedWordIn(List<Object> args) {
		if (args.isEmpty() || !(args.get(0) instanceof Map<?, ?> post && post.get("text") instanceof String text)) {
			return Optional.empty();
		}
		return this.blockedWords.stream()
			.map((pattern) -> pattern.matcher(text))
			.filter(Matcher::find)
			.map(Matcher::group)
			.findFirst();
	}

}
