package dev.realtime.security;

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.server.RealtimeServer;
import dev.realtime.support.SignedTokens;

/**
 * The security bridge wired by hand on the test application, beside an HTTP security with form login and HTTP
 * Basic: signed JWTs and bearer tokens from {@link TestTokens}, renewal with {@code #authenticate}, authentication
 * required, a short expiry grace, and rules for the {@code /admin} namespace, {@code admin:*} events,
 * {@code user.{id}} channels and {@code news.*} publications.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityTestConfiguration {

	static final Duration GRACE = Duration.ofMillis(800);

	@Bean
	SecurityFilterChain httpSecurity(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.formLogin(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(User.withUsername("carol").password("{noop}secret").roles("USER").build(),
				User.withUsername("dave").password("{noop}secret").roles("USER", "ADMIN").build());
	}

	static final SignedTokens JWTS = new SignedTokens();

	/** Signed JWTs first, as a resource server's, then the test tokens. */
	@Bean
	SocketAuthenticator socketAuthenticator() {
		return new SocketAuthenticator(List.of(ResourceServerTokenProvider.jwt(JWTS.decoder(), null)),
				new ProviderManager(new TestTokens()), AuthenticationExpiry.standard());
	}

	@Bean
	AuthenticationMiddleware authenticationMiddleware(SocketAuthenticator authenticator) {
		AuthenticationMiddleware middleware = new AuthenticationMiddleware(new BearerTokenHandshakeConverter(),
				authenticator);
		middleware.setRequireAuthentication(true);
		return middleware;
	}

	@Bean
	SocketCredentialRenewal credentialRenewal(RealtimeServer server, SocketAuthenticator authenticator,
			ExpiryMiddleware expiry, ApplicationEventPublisher events) {
		SocketCredentialRenewal renewal = new SocketCredentialRenewal(new BearerTokenHandshakeConverter(),
				authenticator, expiry, events);
		server.setCredentialRenewal(renewal);
		return renewal;
	}

	@Bean
	ExpiryMiddleware expiryMiddleware(ThreadPoolTaskScheduler realtimeTaskScheduler) {
		ExpiryMiddleware middleware = new ExpiryMiddleware(realtimeTaskScheduler, AuthenticationExpiry.standard());
		middleware.setGrace(GRACE);
		return middleware;
	}

	@Bean
	AuthorizationMiddleware authorizationMiddleware() {
		return new AuthorizationMiddleware(RealtimeAuthorizationRules.builder()
			.namespace("/admin")
			.hasRole("ADMIN")
			.event("admin:*")
			.hasRole("ADMIN")
			.subscribe("user.{id}")
			.matchesPrincipalName("id")
			.publish("news.*")
			.hasRole("ADMIN")
			.anyMessage()
			.permitAll()
			.build());
	}

	@Bean
	SecurityContextInvocationScope securityContextInvocationScope(RealtimeServer server) {
		SecurityContextInvocationScope scope = new SecurityContextInvocationScope();
		server.setInvocationScope(scope);
		return scope;
	}

	@Bean
	AuthenticationPrincipalArgumentResolver authenticationPrincipalArgumentResolver() {
		return new AuthenticationPrincipalArgumentResolver();
	}

	@Bean
	AccessDeniedExceptionTranslator accessDeniedExceptionTranslator() {
		return new AccessDeniedExceptionTranslator();
	}

	@Bean
	SecuredController securedController() {
		return new SecuredController();
	}

	@Bean
	AdminController adminController() {
		return new AdminController();
	}

	@RealtimeController(namespace = "/admin")
	static class AdminController {

		@OnEvent("ping")
		String ping() {
			return "pong";
		}

	}

	@RealtimeController
	static class SecuredController {

		/** The user as every injection point and the thread's security context see it. */
		@OnEvent("whoami")
		Map<String, Object> whoami(Principal principal, Authentication authentication,
				@AuthenticationPrincipal Object user) {
			Authentication current = SecurityContextHolder.getContext().getAuthentication();
			return Map.of("principal", principal.getName(), "authentication", authentication.getName(),
					"authenticationPrincipal",
					(user instanceof UserDetails details) ? details.getUsername() : user, "securityContext",
					(current != null) ? current.getName() : "none", "roles",
					authentication.getAuthorities().stream().map(Object::toString).sorted().toList());
		}

		@OnEvent("admin:stats")
		String adminStats() {
			return "stats";
		}

		@PreAuthorize("hasRole('ADMIN')")
		@OnEvent("purge")
		String purge() {
			return "purged";
		}

		@OnEvent("echo")
		String echo(String value) {
			return value;
		}

	}

}
