package dev.realtime.sample.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.realtime.security.RealtimeAuthorizationRules;

/**
 * Who may do what: the page and the realtime endpoint are open (a socket proves itself with its token), a token is
 * issued to users who log in with HTTP Basic, and a failed login is answered without the Basic challenge, so the
 * page rather than the browser asks again; on the realtime side, the {@code /admin} namespace needs the ADMIN
 * role and the private channel {@code user.<name>} can only be subscribed by that user.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginProperties.class)
class ChatSecurityConfiguration {

	@Bean
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/**").authenticated().anyRequest().permitAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(new TokenEndpointEntryPoint()))
			// polling POSTs carry no CSRF token; the realtime origin check protects the endpoint instead
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/socket.io/**", "/api/**"));
		return http.build();
	}

	@Bean
	InMemoryUserDetailsManager users(LoginProperties login) {
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
		login.getUsers().forEach((name, user) -> manager.createUser(
				User.withUsername(name).password("{noop}" + user.getPassword()).roles(user.getRoles()).build()));
		return manager;
	}

	/** Passwords over HTTP Basic for the token endpoint, and tokens for the sockets. */
	@Bean
	AuthenticationManager authenticationManager(InMemoryUserDetailsManager users, TokenService tokens) {
		return new ProviderManager(new DaoAuthenticationProvider(users), new TokenAuthenticationProvider(tokens, users));
	}

	@Bean
	RealtimeAuthorizationRules realtimeRules() {
		return RealtimeAuthorizationRules.builder()
			.namespace("/admin").hasRole("ADMIN")
			.subscribe("user.{name}").matchesPrincipalName("name")
			.anyMessage().permitAll()
			.build();
	}

}
