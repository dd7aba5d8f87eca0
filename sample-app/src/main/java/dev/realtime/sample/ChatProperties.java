package dev.realtime.sample;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The chat's own settings, under {@code chat.*}.
 *
 * @param blockedWords words that chat messages may not contain, in any case
 */
@ConfigurationProperties("chat")
record ChatProperties(List<String> blockedWords) {

	ChatProperties {
		blockedWords = (blockedWords != null) ? List.copyOf(blockedWords) : List.of();
	}

}
