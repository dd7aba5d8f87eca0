package dev.realtime.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import dev.realtime.adapter.ConnectionStateRecovery;
import dev.realtime.engine.AddressLimits;
import dev.realtime.engine.EngineOptions;
import dev.realtime.middleware.RateLimitMiddleware;
import dev.realtime.server.ServerOptions;

/**
 * Configuration of the realtime endpoint. It validates itself while it is bound (Spring Boot applies a properties
 * object that is a {@link Validator}, with no Bean Validation provider needed), so a setting that makes no sense
 * stops start-up with the property's name and the reason.
 */
@ConfigurationProperties("realtime")
public class RealtimeProperties implements Validator {

	private static final Set<String> TRANSPORTS = Set.of(EngineOptions.POLLING, EngineOptions.WEBSOCKET);

	private static final Pattern PLAIN_PATH = Pattern.compile("[^*?#\\s]*");

	/**
	 * Whether to serve the realtime endpoint.
	 */
	private boolean enabled = true;

	/**
	 * Path of the endpoint, starting with "/"; clients connect with this as their "path" option.
	 */
	private String path = "/socket.io/";

	/**
	 * How often the server pings each connection.
	 */
	private Duration pingInterval = Duration.ofSeconds(25);

	/**
	 * How long the server waits for a pong before it closes the connection.
	 */
	private Duration pingTimeout = Duration.ofSeconds(20);

	/**
	 * Largest HTTP request body or WebSocket message accepted (Socket.IO's maxHttpBufferSize).
	 */
	private DataSize maxPayload = DataSize.ofBytes(1_000_000);

	/**
	 * How long a new connection may take to join a namespace before it is closed.
	 */
	private Duration connectTimeout = Duration.ofSeconds(45);

	/**
	 * How long an upgrade from long-polling to WebSocket may take.
	 */
	private Duration upgradeTimeout = Duration.ofSeconds(10);

	/**
	 * Transports clients may use: polling, websocket.
	 */
	private List<String> transports = new ArrayList<>(List.of(EngineOptions.POLLING, EngineOptions.WEBSOCKET));

	/**
	 * Other origins allowed to connect, as patterns ("https://*.example.com", "*"). The endpoint's own origin is
	 * always allowed, and so are requests without an Origin header (clients that are not browser pages).
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Unsent output a long-polling connection may hold; a client that stops polling past it is disconnected.
	 */
	private DataSize maxBufferedBytes = DataSize.ofMegabytes(16);

	/**
	 * Whether WebSocket connections may negotiate permessage-deflate compression (Socket.IO's perMessageDeflate).
	 * Off by default: each compressing connection holds a zlib stream of its own.
	 */
	private boolean perMessageDeflate;

	private final Adapter adapter = new Adapter();

	private final Executor executor = new Executor();

	private final Middleware middleware = new Middleware();

	private final RateLimit rateLimit = new RateLimit();

	private final Logging logging = new Logging();

	private final Limits limits = new Limits();

	private final DynamicNamespaces dynamicNamespaces = new DynamicNamespaces();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public Duration getPingInterval() {
		return this.pingInterval;
	}

	public void setPingInterval(Duration pingInterval) {
		this.pingInterval = pingInterval;
	}

	public Duration getPingTimeout() {
		return this.pingTimeout;
	}

	public void setPingTimeout(Duration pingTimeout) {
		this.pingTimeout = pingTimeout;
	}

	public DataSize getMaxPayload() {
		return this.maxPayload;
	}

	public void setMaxPayload(DataSize maxPayload) {
		this.maxPayload = maxPayload;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getUpgradeTimeout() {
		return this.upgradeTimeout;
	}

	public void setUpgradeTimeout(Duration upgradeTimeout) {
		this.upgradeTimeout = upgradeTimeout;
	}

	public List<String> getTransports() {
		return this.transports;
	}

	public void setTransports(List<String> transports) {
		this.transports = transports;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public DataSize getMaxBufferedBytes() {
		return this.maxBufferedBytes;
	}

	public void setMaxBufferedBytes(DataSize maxBufferedBytes) {
		this.maxBufferedBytes = maxBufferedBytes;
	}

	public boolean isPerMessageDeflate() {
		return this.perMessageDeflate;
	}

	public void setPerMessageDeflate(boolean perMessageDeflate) {
		this.perMessageDeflate = perMessageDeflate;
	}

	public Adapter getAdapter() {
		return this.adapter;
	}

	public Executor getExecutor() {
		return this.executor;
	}

	public Middleware getMiddleware() {
		return this.middleware;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public Logging getLogging() {
		return this.logging;
	}

	public Limits getLimits() {
		return this.limits;
	}

	public DynamicNamespaces getDynamicNamespaces() {
		return this.dynamicNamespaces;
	}

	@Override
	public boolean supports(Class<?> type) {
		return type == RealtimeProperties.class || type == Executor.class || type == Middleware.class
				|| type == Bucket.class || type == Limits.class;
	}

	/** Checks these properties, or one of their groups, as Spring Boot binds them. */
	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof RealtimeProperties properties) {
			properties.validate(errors);
		}
		else if (target instanceof Executor executor) {
			PropertyChecks.atLeastOne(errors, "poolSize", executor.getPoolSize());
		}
		else if (target instanceof Middleware middleware) {
			PropertyChecks.positive(errors, "timeout", middleware.getTimeout());
		}
		else if (target instanceof Bucket bucket) {
			bucket.validate(errors);
		}
		else if (target instanceof Limits limits) {
			limits.validate(errors);
		}
	}

	private void validate(Errors errors) {
		if (this.path == null || !this.path.startsWith("/") || !PLAIN_PATH.matcher(this.path).matches()) {
			errors.rejectValue("path", "path", "must start with '/' and hold no '*', '?', '#' or white space");
		}
		PropertyChecks.positive(errors, "pingInterval", this.pingInterval);
		PropertyChecks.positive(errors, "pingTimeout", this.pingTimeout);
		PropertyChecks.positive(errors, "connectTimeout", this.connectTimeout);
		PropertyChecks.positive(errors, "upgradeTimeout", this.upgradeTimeout);
		PropertyChecks.positive(errors, "maxPayload", this.maxPayload);
		PropertyChecks.positive(errors, "maxBufferedBytes", this.maxBufferedBytes);
		if (this.transports == null || this.transports.isEmpty()) {
			errors.rejectValue("transports", "transports", "must name at least one of polling, websocket");
		}
		else if (!TRANSPORTS.containsAll(this.transports)) {
			errors.rejectValue("transports", "transports", "must name only polling, websocket");
		}
	}

	/** The Socket.IO settings these properties describe, with connection state recovery when it is on. */
	public ServerOptions toServerOptions(@Nullable ConnectionStateRecovery recovery) {
		return new ServerOptions(this.connectTimeout, this.middleware.getTimeout(), recovery,
				this.limits.getNamespacesPerConnection(), this.dynamicNamespaces.isCleanupEmpty());
	}

	/** The Engine.IO settings these properties describe. */
	public EngineOptions toEngineOptions() {
		String normalizedPath = this.path.endsWith("/") ? this.path : this.path + "/";
		return new EngineOptions(normalizedPath, this.pingInterval, this.pingTimeout, this.maxPayload.toBytes(),
				this.upgradeTimeout, new LinkedHashSet<>(this.transports), List.copyOf(this.allowedOrigins),
				this.maxBufferedBytes.toBytes(), this.perMessageDeflate);
	}

	/**
	 * Middleware settings.
	 */
	public static class Middleware {

		/**
		 * How long a middleware may take to decide; one that does not is ended as a rejection.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * Rate limiting of client events and channel publications, per socket and per principal.
	 */
	public static class RateLimit {

		/**
		 * Whether to limit how often clients may send events and publish.
		 */
		private boolean enabled;

		/**
		 * Limit on events a client sends.
		 */
		private final Bucket events = new Bucket(20, 10);

		/**
		 * Limit on publications a client makes to channels.
		 */
		private final Bucket publishes = new Bucket(10, 5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Bucket getEvents() {
			return this.events;
		}

		public Bucket getPublishes() {
			return this.publishes;
		}

	}

	/**
	 * A token bucket: how many actions may come at once, and how fast that allowance comes back.
	 */
	public static class Bucket {

		/**
		 * Actions allowed in a burst, after a quiet period.
		 */
		private int capacity;

		/**
		 * Actions allowed per second, sustained.
		 */
		private double perSecond;

		Bucket(int capacity, double perSecond) {
			this.capacity = capacity;
			this.perSecond = perSecond;
		}

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

		public double getPerSecond() {
			return this.perSecond;
		}

		public void setPerSecond(double perSecond) {
			this.perSecond = perSecond;
		}

		private void validate(Errors errors) {
			PropertyChecks.atLeastOne(errors, "capacity", this.capacity);
			if (!(Double.isFinite(this.perSecond) && this.perSecond > 0)) {
				errors.rejectValue("perSecond", "positive", "must be a positive number");
			}
		}

		/** The limit this bucket describes. */
		public RateLimitMiddleware.Limit toLimit() {
			return new RateLimitMiddleware.Limit(this.capacity, this.perSecond);
		}

	}

	/**
	 * Limits that keep one client from exhausting the server. The client address is the request's remote address,
	 * which is a proxy's X-Forwarded-For only when server.forward-headers-strategy makes it so.
	 */
	public static class Limits {

		/**
		 * Connections one client address may have open at once; a handshake past it is refused with 403. No limit
		 * when not set.
		 */
		private @Nullable Integer connectionsPerAddress;

		/**
		 * Handshakes one client address may make per second (in a burst, then at that rate); one past it is refused
		 * with 429. No limit when not set.
		 */
		private @Nullable Integer handshakesPerSecondPerAddress;

		/**
		 * Namespaces one connection may join at once; a CONNECT past it gets a CONNECT_ERROR.
		 */
		private int namespacesPerConnection = ServerOptions.DEFAULT_NAMESPACES_PER_CONNECTION;

		public @Nullable Integer getConnectionsPerAddress() {
			return this.connectionsPerAddress;
		}

		public void setConnectionsPerAddress(@Nullable Integer connectionsPerAddress) {
			this.connectionsPerAddress = connectionsPerAddress;
		}

		public @Nullable Integer getHandshakesPerSecondPerAddress() {
			return this.handshakesPerSecondPerAddress;
		}

		public void setHandshakesPerSecondPerAddress(@Nullable Integer handshakesPerSecondPerAddress) {
			this.handshakesPerSecondPerAddress = handshakesPerSecondPerAddress;
		}

		public int getNamespacesPerConnection() {
			return this.namespacesPerConnection;
		}

		public void setNamespacesPerConnection(int namespacesPerConnection) {
			this.namespacesPerConnection = namespacesPerConnection;
		}

		private void validate(Errors errors) {
			if (this.connectionsPerAddress != null) {
				PropertyChecks.atLeastOne(errors, "connectionsPerAddress", this.connectionsPerAddress);
			}
			if (this.handshakesPerSecondPerAddress != null) {
				PropertyChecks.atLeastOne(errors, "handshakesPerSecondPerAddress", this.handshakesPerSecondPerAddress);
			}
			PropertyChecks.atLeastOne(errors, "namespacesPerConnection", this.namespacesPerConnection);
		}

		/** The limits per client address these properties describe. */
		public AddressLimits toAddressLimits() {
			return new AddressLimits((this.connectionsPerAddress != null) ? this.connectionsPerAddress : 0,
					(this.handshakesPerSecondPerAddress != null) ? this.handshakesPerSecondPerAddress : 0);
		}

	}

	/**
	 * Namespaces made on demand from a template or a pattern.
	 */
	public static class DynamicNamespaces {

		/**
		 * Whether a namespace made from a dynamic namespace is removed, and its adapter closed, once its last socket
		 * has left (Socket.IO's cleanupEmptyChildNamespaces). With connection state recovery, it goes once it stayed
		 * empty for the maximum disconnection duration.
		 */
		private boolean cleanupEmpty = true;

		public boolean isCleanupEmpty() {
			return this.cleanupEmpty;
		}

		public void setCleanupEmpty(boolean cleanupEmpty) {
			this.cleanupEmpty = cleanupEmpty;
		}

	}

	/**
	 * Logging of connects, disconnects and events.
	 */
	public static class Logging {

		/**
		 * Whether to log connects and disconnects at INFO and events at DEBUG, with the socket in the MDC.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * The adapter that carries broadcasts between instances.
	 */
	public static class Adapter {

		/**
		 * Which adapter carries broadcasts: in-memory (this instance alone), redis (every instance sharing the Redis
		 * of spring.data.redis.* through pub/sub) or redis-streams (through a Redis stream, which also keeps what
		 * connection state recovery needs); the Redis ones need realtime-redis.
		 */
		private AdapterType type = AdapterType.IN_MEMORY;

		public AdapterType getType() {
			return this.type;
		}

		public void setType(AdapterType type) {
			this.type = type;
		}

	}

	/**
	 * The adapters {@code realtime.adapter.type} names.
	 */
	public enum AdapterType {

		/** Sockets and rooms of this instance alone, in memory. */
		IN_MEMORY,

		/** Every instance sharing one Redis through pub/sub, through {@code realtime-redis}. */
		REDIS,

		/**
		 * Every instance sharing one Redis stream, through {@code realtime-redis}; sessions of connection state
		 * recovery are kept in Redis.
		 */
		REDIS_STREAMS

	}

	/**
	 * Threads that run middleware and handlers when virtual threads are not enabled.
	 */
	public static class Executor {

		/**
		 * Number of threads. Handlers that block (database calls) hold a thread while they wait.
		 */
		private int poolSize = 16;

		public int getPoolSize() {
			return this.poolSize;
		}

		public void setPoolSize(int poolSize) {
			this.poolSize = poolSize;
		}

	}

}
