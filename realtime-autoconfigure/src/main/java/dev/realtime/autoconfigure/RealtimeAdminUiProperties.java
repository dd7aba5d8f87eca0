package dev.realtime.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The server side of the Socket.IO Admin UI ({@code @socket.io/admin-ui} 0.5). Validates itself as it is bound, as
 * {@link RealtimeProperties} does.
 */
@ConfigurationProperties("realtime.admin-ui")
public class RealtimeAdminUiProperties implements Validator {

	/**
	 * Whether to serve the Admin UI's namespace. The UI's page is served elsewhere (admin.socket.io, or a copy of
	 * it): add its origin to realtime.allowed-origins.
	 */
	private boolean enabled;

	/** The namespace the UI connects to; one the application does not use itself. */
	private String namespace = "/admin";

	/**
	 * How the UI logs in: "spring-security" authenticates its username and password with the application's
	 * AuthenticationManager; "none" lets anyone in, for local development only.
	 */
	private Auth auth = Auth.SPRING_SECURITY;

	/** The role a user needs to log in to the UI. */
	private String role = "ADMIN";

	/** Whether the UI may only look: no emit, join, leave or disconnect. */
	private boolean readOnly;

	/**
	 * "development" shows every socket, room and event in the UI; "production" only the servers' statistics.
	 */
	private Mode mode = Mode.DEVELOPMENT;

	/** How this instance is named in the UI's list of servers; the host's name when not set. */
	private @Nullable String serverId;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getNamespace() {
		return this.namespace;
	}

	public void setNamespace(String namespace) {
		this.namespace = namespace;
	}

	public Auth getAuth() {
		return this.auth;
	}

	public void setAuth(Auth auth) {
		this.auth = auth;
	}

	public String getRole() {
		return this.role;
	}

	public void setRole(String role) {
		this.role = role;
	}

	public boolean isReadOnly() {
		return this.readOnly;
	}

	public void setReadOnly(boolean readOnly) {
		this.readOnly = readOnly;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public @Nullable String getServerId() {
		return this.serverId;
	}

	public void setServerId(@Nullable String serverId) {
		this.serverId = serverId;
	}

	@Override
	public boolean supports(Class<?> type) {
		return type == RealtimeAdminUiProperties.class;
	}

	@Override
	public void validate(Object target, Errors errors) {
		RealtimeAdminUiProperties properties = (RealtimeAdminUiProperties) target;
		if (properties.namespace == null || !properties.namespace.startsWith("/") || properties.namespace.length() < 2) {
			errors.rejectValue("namespace", "namespace", "must be a namespace other than \"/\", such as /admin");
		}
		if (!StringUtils.hasText(properties.role)) {
			errors.rejectValue("role", "role", "must name a role, such as ADMIN");
		}
	}

	/** How the UI logs in. */
	public enum Auth {

		/** With a username and password, authenticated by the application's AuthenticationManager. */
		SPRING_SECURITY,

		/** Without credentials: anyone who can reach the endpoint from an allowed origin. */
		NONE

	}

	/** What the UI is shown. */
	public enum Mode {

		DEVELOPMENT, PRODUCTION

	}

}
