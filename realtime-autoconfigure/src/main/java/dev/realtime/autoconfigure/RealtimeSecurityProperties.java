package dev.realtime.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Common security settings of the realtime endpoint; finer rules belong in a
 * {@link dev.realtime.security.RealtimeAuthorizationRules} bean. Validates itself as it is bound, as
 * {@link RealtimeProperties} does.
 */
@ConfigurationProperties("realtime.security")
public class RealtimeSecurityProperties implements Validator {

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
	 * How long a socket whose credentials expired stays connected, its actions refused, before it is disconnected;
	 * 0 disconnects it at once.
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

	@Override
	public boolean supports(Class<?> type) {
		return type == RealtimeSecurityProperties.class;
	}

	@Override
	public void validate(Object target, Errors errors) {
		RealtimeSecurityProperties properties = (RealtimeSecurityProperties) target;
		PropertyChecks.notNegative(errors, "expiryGrace", properties.expiryGrace);
		properties.namespaceRoles.forEach((namespace, roles) -> {
			if (roles == null || roles.isEmpty()) {
				errors.rejectValue("namespaceRoles", "roles", "names no role for " + namespace);
			}
		});
	}

}
