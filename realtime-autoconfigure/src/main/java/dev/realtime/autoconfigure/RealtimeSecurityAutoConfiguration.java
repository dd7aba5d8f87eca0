package dev.realtime.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

import dev.realtime.middleware.RealtimeMiddleware;
import dev.realtime.security.AccessDeniedExceptionTranslator;
import dev.realtime.security.AuthenticationExpiry;
import dev.realtime.security.AuthenticationMiddleware;
import dev.realtime.security.AuthenticationPrincipalArgumentResolver;
import dev.realtime.security.AuthorizationMiddleware;
import dev.realtime.security.BearerTokenHandshakeConverter;
import dev.realtime.security.ExpiryMiddleware;
import dev.realtime.security.HandshakeAuthenticationConverter;
import dev.realtime.security.RealtimeAuthorizationRules;
import dev.realtime.security.ReceiveAuthorizationMiddleware;
import dev.realtime.security.ResourceServerTokenProvider;
import dev.realtime.security.SecurityContextInvocationScope;
import dev.realtime.security.SocketAuthenticator;
import dev.realtime.security.SocketCredentialRenewal;
import dev.realtime.server.CredentialRenewal;
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
@AutoConfiguration(after = RealtimeAutoConfiguration.class, afterName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration" })
@ConditionalOnClass({ Authentication.class, RealtimeServer.class })
@ConditionalOnBean(RealtimeServer.class)
@EnableConfigurationProperties(RealtimeSecurityProperties.class)
public final class RealtimeSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HandshakeAuthenticationConverter realtimeHandshakeAuthenticationConverter() {
		return new BearerTokenHandshakeConverter();
	}

	/**
	 * Tokens of an OAuth2 resource server first, then the application's {@link AuthenticationManager} bean, else its
	 * {@link AuthenticationProvider} beans.
	 */
	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnCredentialsAuthenticationCondition.class)
	SocketAuthenticator realtimeSocketAuthenticator(ObjectProvider<ResourceServerTokenProviders> resourceServer,
			ObjectProvider<AuthenticationManager> authenticationManager,
			ObjectProvider<AuthenticationProvider> authenticationProviders,
			ObjectProvider<AuthenticationExpiry> expiry, ObjectProvider<AuthenticationEventPublisher> events) {
		List<AuthenticationProvider> providers = new ArrayList<>(
				resourceServer.getIfAvailable(() -> new ResourceServerTokenProviders(List.of())).providers());
		AuthenticationManager manager = authenticationManager.getIfUnique();
		if (manager == null) {
			authenticationProviders.orderedStream().forEach(providers::add);
		}
		SocketAuthenticator authenticator = new SocketAuthenticator(providers, manager,
				expiry.getIfAvailable(AuthenticationExpiry::standard));
		events.ifUnique(authenticator::setAuthenticationEventPublisher);
		return authenticator;
	}

	@Bean
	@ConditionalOnMissingBean
	AuthenticationMiddleware realtimeAuthenticationMiddleware(HandshakeAuthenticationConverter converter,
			ObjectProvider<SocketAuthenticator> authenticator, RealtimeSecurityProperties properties) {
		AuthenticationMiddleware middleware = new AuthenticationMiddleware(converter, authenticator.getIfAvailable());
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

	/** Answers the clients' {@code #authenticate} requests with the same authentication as their connections. */
	@Bean
	@ConditionalOnBean(SocketAuthenticator.class)
	@ConditionalOnMissingBean(CredentialRenewal.class)
	SocketCredentialRenewal realtimeCredentialRenewal(RealtimeServer server, HandshakeAuthenticationConverter converter,
			SocketAuthenticator authenticator, ObjectProvider<ExpiryMiddleware> expiry,
			ApplicationEventPublisher events) {
		SocketCredentialRenewal renewal = new SocketCredentialRenewal(converter, authenticator,
				expiry.getIfUnique(), events);
		server.setCredentialRenewal(renewal);
		return renewal;
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

	/**
	 * On the PUBLISH_OUT and EMIT_OUT lines only when the rules say what a user may receive; otherwise a middleware
	 * on no line, so that a broadcast costs nothing extra.
	 */
	@Bean
	@ConditionalOnBean(RealtimeAuthorizationRules.class)
	@ConditionalOnMissingBean(name = "realtimeReceiveAuthorizationMiddleware")
	RealtimeMiddleware realtimeReceiveAuthorizationMiddleware(RealtimeAuthorizationRules rules) {
		return rules.hasReceiveRules() ? new ReceiveAuthorizationMiddleware(rules) : new RealtimeMiddleware() {
		};
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

	/** The providers of an OAuth2 resource server's tokens, kept apart from the application's own beans. */
	record ResourceServerTokenProviders(List<AuthenticationProvider> providers) {
	}

	/**
	 * Authenticates the handshake's bearer token with the {@code JwtDecoder} and the {@code OpaqueTokenIntrospector}
	 * that Boot's resource server properties create, as the REST API does; an {@code AuthenticationManagerResolver}
	 * bean means the application picks its managers itself, so this backs off.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ BearerTokenAuthenticationToken.class, JwtDecoder.class })
	@ConditionalOnMissingBean(AuthenticationManagerResolver.class)
	static class ResourceServerConfiguration {

		@Bean
		@Conditional(OnResourceServerCondition.class)
		ResourceServerTokenProviders realtimeResourceServerTokenProviders(ObjectProvider<JwtDecoder> jwtDecoder,
				ObjectProvider<JwtAuthenticationConverter> jwtConverter,
				ObjectProvider<OpaqueTokenIntrospector> introspector) {
			List<AuthenticationProvider> providers = new ArrayList<>();
			jwtDecoder.ifUnique((decoder) -> providers
				.add(ResourceServerTokenProvider.jwt(decoder, jwtConverter.getIfUnique())));
			introspector.ifUnique((opaque) -> providers.add(ResourceServerTokenProvider.opaque(opaque)));
			return new ResourceServerTokenProviders(providers);
		}

	}

	/** Matches when the application has a {@code JwtDecoder} or an {@code OpaqueTokenIntrospector}. */
	static final class OnResourceServerCondition extends AnyNestedCondition {

		OnResourceServerCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(JwtDecoder.class)
		static class Jwt {

		}

		@ConditionalOnBean(OpaqueTokenIntrospector.class)
		static class Opaque {

		}

	}

	/** Matches when something can authenticate presented credentials. */
	static final class OnCredentialsAuthenticationCondition extends AnyNestedCondition {

		OnCredentialsAuthenticationCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(AuthenticationManager.class)
		static class Manager {

		}

		@ConditionalOnBean(AuthenticationProvider.class)
		static class Provider {

		}

		@ConditionalOnBean(ResourceServerTokenProviders.class)
		static class ResourceServer {

		}

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
