package dev.realtime.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the Redis adapter, chosen with {@code realtime.adapter.type=redis}. Validates itself as it is
 * bound, so a setting that makes no sense stops start-up with the property's name.
 */
@ConfigurationProperties("realtime.adapter.redis")
public class RedisAdapterProperties implements Validator {

	/**
	 * Prefix of the Redis channel names; the same on every node of a cluster, Java or Node.js (Node's "key" option).
	 */
	private String keyPrefix = "socket.io";

	/**
	 * How long requests to other nodes (fetchSockets, server count) wait for their answers.
	 */
	private Duration requestTimeout = Duration.ofSeconds(5);

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	@Override
	public boolean supports(Class<?> type) {
		return type == RedisAdapterProperties.class;
	}

	@Override
	public void validate(Object target, Errors errors) {
		RedisAdapterProperties properties = (RedisAdapterProperties) target;
		RedisPropertyChecks.notBlank(errors, "keyPrefix", properties.keyPrefix);
		RedisPropertyChecks.positive(errors, "requestTimeout", properties.requestTimeout);
	}

}
