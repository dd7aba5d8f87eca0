package dev.realtime.autoconfigure;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;

import dev.realtime.security.AccessDeniedExceptionTranslator;
import dev.realtime.security.AuthenticationExpiry;
import dev.realtime.security.AuthenticationMiddleware;
import dev.realtime.security.AuthenticationPrincipalArgumentResolver;
import dev.realtime.security.AuthorizationMiddleware;
import dev.realtime.security.BearerTokenHandshakeConverter;
import dev.realtime.security.ExpiryMiddleware;
import dev.realtime.security.HandshakeAuthenticationConverter;
import dev.realtime.security.RealtimeAuthorizationRules;
import dev.realtime.security.SecurityContextInvocationScope;
import dev.realtime.server.InvocationScope;
import dev.realtime.server.RealtimeServer;

/**
 * Bridges the realtime endpoint to Spring Security when {@code spring-security-core} is on the classpath:
 * authentication of each socket at its handshake, the socket's user as the security context of its middleware and
 * handlers, expiry of its credentials, and authorization from a {@link RealtimeAuthorizationRules} bean and the
 * {@code realtime.security.*} properties. Credentials are authenticated by the application's
 * {@link AuthenticationManager} bean, else by its {@link AuthenticationProvider} beans; with neither, only the user
 * of the application's HTTP security is adopted.
 */
@AutoConfiguration(after = RealtimeAutoConfiguration.class)
@ConditionalOnClass({ Authentication.class, RealtimeServer.class })
@ConditionalOnBean(RealtimeServer.class)
@EnableConfigurationProperties(RealtimeSecurityProperties.class)
public final class RealtimeSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HandshakeAuthenticationConverter realtimeHandshakeAuthenticationConverter() {
		return new BearerTokenHandshakeConverter();
	}

	@Bean
	@ConditionalOnMissingBean
	AuthenticationMiddleware realtimeAuthenticationMiddleware(HandshakeAuthenticationConverter converter,
			ObjectProvider<AuthenticationManager> authenticationManager,
			ObjectProvider<AuthenticationProvider> authenticationProviders, RealtimeSecurityProperties properties) {
		AuthenticationManager manager = authenticationManager.getIfUnique(() -> {
			List<AuthenticationProvider> providers = authenticationProviders.orderedStream().toList();
			return providers.isEmpty() ? null : new ProviderManager(providers);
		});
		AuthenticationMiddleware middleware = new AuthenticationMiddleware(converter, manager);
		middleware.setRequireAuthentication(properties.isRequireAuthentication());
		return middleware;
	}

	@Bean
	@ConditionalOnMissingBean
	ExpiryMiddleware realtimeExpiryMiddleware(@Qualifier(RealtimeAutoConfiguration.SCHEDULER) TaskScheduler scheduler,
			ObjectProvider<AuthenticationExpiry> expiry, RealtimeSecurityProperties properties) {
		ExpiryMiddleware middleware = new ExpiryMiddleware(scheduler, expiry.getIfAvailable(AuthenticationExpiry::standard));
		middleware.setGrace(properties.getExpiryGrace());
		return middleware;
	}

	@Bean
	@ConditionalOnMissingBean(InvocationScope.class)
	SecurityContextInvocationScope realtimeSecurityContextInvocationScope() {
		return new SecurityContextInvocationScope();
	}

	@Bean
	@ConditionalOnMissingBean
	AuthenticationPrincipalArgumentResolver realtimeAuthenticationPrincipalArgumentResolver() {
		return new AuthenticationPrincipalArgumentResolver();
	}

	@Bean
	@ConditionalOnMissingBean
	AccessDeniedExceptionTranslator realtimeAccessDeniedExceptionTranslator() {
		return new AccessDeniedExceptionTranslator();
	}

	@Bean
	@ConditionalOnBean(RealtimeAuthorizationRules.class)
	@ConditionalOnMissingBean(name = "realtimeAuthorizationMiddleware")
	AuthorizationMiddleware realtimeAuthorizationMiddleware(RealtimeAuthorizationRules rules) {
		return new AuthorizationMiddleware(rules);
	}

	/** Checked beside, not instead of, the rules of a {@link RealtimeAuthorizationRules} bean. */
	@Bean
	@Conditional(OnNamespaceRolesCondition.class)
	AuthorizationMiddleware realtimeNamespaceRolesAuthorizationMiddleware(RealtimeSecurityProperties properties) {
		RealtimeAuthorizationRules.Builder rules = RealtimeAuthorizationRules.builder();
		properties.getNamespaceRoles().forEach((namespace, roles) -> rules
			.namespace(namespace.startsWith("/") ? namespace : "/" + namespace)
			.hasAnyRole(roles.toArray(String[]::new)));
		return new AuthorizationMiddleware(rules.anyMessage().permitAll().build());
	}

	/** Matches when {@code realtime.security.namespace-roles} has entries. */
	static final class OnNamespaceRolesCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean configured = Binder.get(context.getEnvironment())
				.bind("realtime.security.namespace-roles", Bindable.mapOf(String.class, Object.class))
				.map(Map::isEmpty)
				.map((empty) -> !empty)
				.orElse(false);
			return configured ? ConditionOutcome.match("realtime.security.namespace-roles is set")
					: ConditionOutcome.noMatch("realtime.security.namespace-roles is not set");
		}

	}

}
