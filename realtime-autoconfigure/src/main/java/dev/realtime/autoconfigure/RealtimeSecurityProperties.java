package dev.realtime.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Common security settings of the realtime endpoint; finer rules belong in a
 * {@link dev.realtime.security.RealtimeAuthorizationRules} bean.
 */
@ConfigurationProperties("realtime.security")
public class RealtimeSecurityProperties {

	/**
	 * Whether a socket needs an authenticated user (credentials it presented, or the HTTP user of its handshake
	 * request) to connect to any namespace.
	 */
	private boolean requireAuthentication;

	/**
	 * Roles a user needs, any one of them, to connect to a namespace: "realtime.security.namespace-roles.admin=ADMIN"
	 * for "/admin", or a pattern in brackets: "realtime.security.namespace-roles[/admin/**]=ADMIN".
	 */
	private Map<String, List<String>> namespaceRoles = new LinkedHashMap<>();

	/**
	 * How long a socket whose credentials expired stays connected, its actions refused, before it is disconnected.
	 */
	private Duration expiryGrace = Duration.ofSeconds(10);

	public boolean isRequireAuthentication() {
		return this.requireAuthentication;
	}

	public void setRequireAuthentication(boolean requireAuthentication) {
		this.requireAuthentication = requireAuthentication;
	}

	public Map<String, List<String>> getNamespaceRoles() {
		return this.namespaceRoles;
	}

	public void setNamespaceRoles(Map<String, List<String>> namespaceRoles) {
		this.namespaceRoles = namespaceRoles;
	}

	public Duration getExpiryGrace() {
		return this.expiryGrace;
	}

	public void setExpiryGrace(Duration expiryGrace) {
		this.expiryGrace = expiryGrace;
	}

}
