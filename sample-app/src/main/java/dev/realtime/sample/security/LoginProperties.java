package dev.realtime.sample.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may log in to the sample, under {@code chat.login.*} in application.yml.
 */
@ConfigurationProperties("chat.login")
public class LoginProperties {

	/**
	 * Users by name, each with a password and roles.
	 */
	private Map<String, Account> users = new LinkedHashMap<>();

	/**
	 * How long a chat token is valid; a socket whose token expired is refused and then disconnected.
	 */
	private Duration tokenLifetime = Duration.ofMinutes(30);

	public Duration getTokenLifetime() {
		return this.tokenLifetime;
	}

	public void setTokenLifetime(Duration tokenLifetime) {
		this.tokenLifetime = tokenLifetime;
	}

	public Map<String, Account> getUsers() {
		return this.users;
	}

	public void setUsers(Map<String, Account> users) {
		this.users = users;
	}

	/** One user of the sample. */
	public static class Account {

		private String password = "";

		private String[] roles = { "USER" };

		public String getPassword() {
			return this.password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String[] getRoles() {
			return this.roles;
		}

		public void setRoles(String[] roles) {
			this.roles = roles;
		}

	}

}
