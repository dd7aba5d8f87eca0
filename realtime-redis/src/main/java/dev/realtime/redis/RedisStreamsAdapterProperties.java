package dev.realtime.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the Redis Streams adapter, chosen with {@code realtime.adapter.type=redis-streams}, with the
 * names and defaults of {@code @socket.io/redis-streams-adapter}. Validates itself as it is bound, so a setting that
 * makes no sense stops start-up with the property's name.
 */
@ConfigurationProperties("realtime.adapter.redis-streams")
public class RedisStreamsAdapterProperties implements Validator {

	/**
	 * Name of the Redis stream that carries the broadcasts; the same on every node of a cluster, Java or Node.js
	 * (Node's "streamName" option).
	 */
	private String streamName = "socket.io";

	/**
	 * Entries the stream keeps, about: older ones are trimmed (XADD MAXLEN ~), and a client whose offset was trimmed
	 * is not recovered (Node's "maxLen" option).
	 */
	private long maxLen = 10_000;

	/**
	 * Prefix of the Redis pub/sub channels of the requests between nodes (Node's "channelPrefix" option).
	 */
	private String channelPrefix = "socket.io";

	/**
	 * Prefix of the keys of the sessions kept for connection state recovery (Node's "sessionKeyPrefix" option).
	 */
	private String sessionKeyPrefix = "sio:session:";

	/**
	 * How long requests to other nodes (fetchSockets, server-side emits with acknowledgements) and the reads of a
	 * recovered session wait for their answers.
	 */
	private Duration requestTimeout = Duration.ofSeconds(5);

	public String getStreamName() {
		return this.streamName;
	}

	public void setStreamName(String streamName) {
		this.streamName = streamName;
	}

	public long getMaxLen() {
		return this.maxLen;
	}

	public void setMaxLen(long maxLen) {
		this.maxLen = maxLen;
	}

	public String getChannelPrefix() {
		return this.channelPrefix;
	}

	public void setChannelPrefix(String channelPrefix) {
		this.channelPrefix = channelPrefix;
	}

	public String getSessionKeyPrefix() {
		return this.sessionKeyPrefix;
	}

	public void setSessionKeyPrefix(String sessionKeyPrefix) {
		this.sessionKeyPrefix = sessionKeyPrefix;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	@Override
	public boolean supports(Class<?> type) {
		return type == RedisStreamsAdapterProperties.class;
	}

	@Override
	public void validate(Object target, Errors errors) {
		RedisStreamsAdapterProperties properties = (RedisStreamsAdapterProperties) target;
		RedisPropertyChecks.notBlank(errors, "streamName", properties.streamName);
		RedisPropertyChecks.notBlank(errors, "channelPrefix", properties.channelPrefix);
		RedisPropertyChecks.notBlank(errors, "sessionKeyPrefix", properties.sessionKeyPrefix);
		if (properties.maxLen < 1) {
			errors.rejectValue("maxLen", "atLeastOne", "must be at least 1");
		}
		RedisPropertyChecks.positive(errors, "requestTimeout", properties.requestTimeout);
	}

}
