package dev.realtime.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the adapter that carries broadcasts between nodes.
 */
@ConfigurationProperties("realtime.adapter")
public class RedisAdapterProperties {

	/**
	 * Which adapter carries broadcasts: in-memory (this node alone) or redis (every node sharing the Redis of
	 * spring.data.redis.*).
	 */
	private Type type = Type.IN_MEMORY;

	private final Redis redis = new Redis();

	public Type getType() {
		return this.type;
	}

	public void setType(Type type) {
		this.type = type;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public enum Type {

		IN_MEMORY, REDIS

	}

	public static class Redis {

		/**
		 * Prefix of the Redis channel names; the same on every node of a cluster, Java or Node.js (Node's "key"
		 * option).
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

	}

}
