package dev.realtime.autoconfigure;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.LinkedMultiValueMap;

import dev.realtime.autoconfigure.RealtimeSecurityAutoConfiguration.ResourceServerTokenProviders;
import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.EmitOutMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.middleware.PublishOutMiddleware;
import dev.realtime.security.AccessDeniedExceptionTranslator;
import dev.realtime.security.AuthenticationMiddleware;
import dev.realtime.security.AuthenticationPrincipalArgumentResolver;
import dev.realtime.security.AuthorizationMiddleware;
import dev.realtime.security.ExpiryMiddleware;
import dev.realtime.security.HandshakeBearerToken;
import dev.realtime.security.RealtimeAuthorizationRules;
import dev.realtime.security.ReceiveAuthorizationMiddleware;
import dev.realtime.security.ResourceServerTokenProvider;
import dev.realtime.security.SecurityContextInvocationScope;
import dev.realtime.security.SocketAuthenticator;
import dev.realtime.security.SocketCredentialRenewal;
import dev.realtime.server.CredentialRenewal;
import dev.realtime.server.Handshake;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeServer;
import dev.realtime.server.RealtimeSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;

class RealtimeSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RealtimeAutoConfiguration.class, RealtimeSecurityAutoConfiguration.class));

	@Test
	void bridgesSpringSecurityWhenItIsOnTheClasspath() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(AuthenticationMiddleware.class)
				.hasSingleBean(ExpiryMiddleware.class)
				.hasSingleBean(SecurityContextInvocationScope.class)
				.hasSingleBean(AuthenticationPrincipalArgumentResolver.class)
				.hasSingleBean(AccessDeniedExceptionTranslator.class)
				.doesNotHaveBean(AuthorizationMiddleware.class);
			assertThat(ReflectionTestUtils.getField(context.getBean(RealtimeServer.class), "invocationScope"))
				.isSameAs(context.getBean(SecurityContextInvocationScope.class));
		});
	}

	@Test
	void backsOffWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(Authentication.class))
			.run((context) -> assertThat(context).hasSingleBean(RealtimeServer.class)
				.doesNotHaveBean(AuthenticationMiddleware.class)
				.doesNotHaveBean(SecurityContextInvocationScope.class));
	}

	@Test
	void authenticatesTokensWithTheAuthenticationProviderBeans() {
		this.runner.withUserConfiguration(TokenProviderConfiguration.class).run((context) -> {
			RealtimeSocket socket = socket("/", Map.of("token", "alice"), null);
			Next next = mock(Next.class);
			context.getBean(AuthenticationMiddleware.class).onConnect(new ConnectContext(socket, new CompletableFuture<>()), next);
			then(socket).should().setPrincipal(any(UsernamePasswordAuthenticationToken.class));
			then(next).should().proceed();
		});
	}

	@Test
	void requiresAuthenticationWhenConfigured() {
		this.runner.withPropertyValues("realtime.security.require-authentication=true").run((context) -> {
			ConnectContext anonymous = new ConnectContext(socket("/", Map.of(), null), new CompletableFuture<>());
			assertThatExceptionOfType(RealtimeException.class)
				.isThrownBy(() -> context.getBean(AuthenticationMiddleware.class).onConnect(anonymous, mock(Next.class)))
				.withMessage("Missing credentials");
		});
	}

	@Test
	void bindsTheExpiryGrace() {
		this.runner.withPropertyValues("realtime.security.expiry-grace=3s")
			.run((context) -> assertThat(ReflectionTestUtils.getField(context.getBean(ExpiryMiddleware.class), "grace"))
				.isEqualTo(Duration.ofSeconds(3)));
	}

	@Test
	void requiresTheNamespaceRolesOfTheProperties() {
		this.runner.withPropertyValues("realtime.security.namespace-roles.admin=ADMIN,OPERATOR").run((context) -> {
			AuthorizationMiddleware middleware = context.getBean("realtimeNamespaceRolesAuthorizationMiddleware",
					AuthorizationMiddleware.class);
			assertThat(connects(middleware, "/admin", user("ROLE_USER"))).isFalse();
			assertThat(connects(middleware, "/admin", user("ROLE_OPERATOR"))).isTrue();
			assertThat(connects(middleware, "/chat", user("ROLE_USER"))).isTrue();
		});
	}

	@Test
	void appliesTheRulesOfARulesBean() {
		this.runner.withUserConfiguration(RulesConfiguration.class).run((context) -> {
			AuthorizationMiddleware middleware = context.getBean(AuthorizationMiddleware.class);
			assertThat(connects(middleware, "/", null)).isFalse();
			assertThat(connects(middleware, "/", user("ROLE_USER"))).isTrue();
		});
	}

	@Test
	void checksDeliveriesOnlyWhenARuleSaysWhatAUserMayReceive() {
		this.runner.withUserConfiguration(RulesConfiguration.class)
			.run((context) -> assertThat(context.getBean("realtimeReceiveAuthorizationMiddleware"))
				.isNotInstanceOf(ReceiveAuthorizationMiddleware.class)
				.isNotInstanceOf(EmitOutMiddleware.class)
				.isNotInstanceOf(PublishOutMiddleware.class));
		this.runner.withUserConfiguration(ReceiveRulesConfiguration.class)
			.run((context) -> assertThat(context.getBean("realtimeReceiveAuthorizationMiddleware"))
				.isInstanceOf(ReceiveAuthorizationMiddleware.class));
	}

	@Test
	void authenticatesBearerTokensWithTheResourceServersJwtDecoderAndRenewsThemInBand() {
		this.runner.withBean(JwtDecoder.class, () -> mock(JwtDecoder.class)).run((context) -> {
			assertThat(context).hasSingleBean(SocketAuthenticator.class).hasSingleBean(SocketCredentialRenewal.class);
			assertThat(context.getBean(ResourceServerTokenProviders.class).providers()).singleElement()
				.isInstanceOf(ResourceServerTokenProvider.class);
			assertThat(ReflectionTestUtils.getField(context.getBean(RealtimeServer.class), "credentialRenewal"))
				.isSameAs(context.getBean(SocketCredentialRenewal.class));
		});
	}

	@Test
	void leavesTheResourceServerToAnAuthenticationManagerResolver() {
		this.runner.withBean(JwtDecoder.class, () -> mock(JwtDecoder.class))
			.withBean(AuthenticationManagerResolver.class, () -> (request) -> null)
			.run((context) -> assertThat(context).doesNotHaveBean(ResourceServerTokenProviders.class)
				.doesNotHaveBean(SocketAuthenticator.class));
	}

	@Test
	void refusesRenewalsWhenNothingAuthenticatesCredentials() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(SocketAuthenticator.class).doesNotHaveBean(CredentialRenewal.class);
			assertThat(ReflectionTestUtils.getField(context.getBean(RealtimeServer.class), "credentialRenewal")).isNull();
		});
	}

	@Test
	void backsOffForTheApplicationsOwnBeans() {
		this.runner.withUserConfiguration(CustomMiddlewareConfiguration.class)
			.run((context) -> assertThat(context).getBean(AuthenticationMiddleware.class)
				.isSameAs(context.getBean("customAuthentication")));
	}

	private static boolean connects(AuthorizationMiddleware middleware, String namespace, Principal user) {
		AtomicBoolean proceeded = new AtomicBoolean();
		middleware.onConnect(new ConnectContext(socket(namespace, Map.of(), user), new CompletableFuture<>()), new Next() {

			@Override
			public void proceed() {
				proceeded.set(true);
			}

			@Override
			public void reject(Throwable error) {
			}

			@Override
			public void block() {
			}

		});
		return proceeded.get();
	}

	private static Authentication user(String authority) {
		return UsernamePasswordAuthenticationToken.authenticated("user", null,
				AuthorityUtils.createAuthorityList(authority));
	}

	private static RealtimeSocket socket(String namespaceName, Map<String, Object> auth, Principal principal) {
		Namespace namespace = mock(Namespace.class);
		given(namespace.name()).willReturn(namespaceName);
		RealtimeSocket socket = mock(RealtimeSocket.class);
		given(socket.namespace()).willReturn(namespace);
		given(socket.principal()).willReturn(principal);
		given(socket.handshake()).willReturn(new Handshake(new HttpHeaders(), new LinkedMultiValueMap<>(), auth,
				"127.0.0.1", Instant.now(), "/socket.io/", false, false, principal, Map.of()));
		return socket;
	}

	@Configuration(proxyBeanMethods = false)
	static class TokenProviderConfiguration {

		@Bean
		AuthenticationProvider tokenProvider() {
			return new AuthenticationProvider() {

				@Override
				public Authentication authenticate(Authentication authentication) {
					return UsernamePasswordAuthenticationToken.authenticated(
							((HandshakeBearerToken) authentication).getToken(), null, AuthorityUtils.NO_AUTHORITIES);
				}

				@Override
				public boolean supports(Class<?> authentication) {
					return HandshakeBearerToken.class.isAssignableFrom(authentication);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RulesConfiguration {

		@Bean
		RealtimeAuthorizationRules rules() {
			return RealtimeAuthorizationRules.builder().anyMessage().authenticated().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReceiveRulesConfiguration {

		@Bean
		RealtimeAuthorizationRules rules() {
			return RealtimeAuthorizationRules.builder()
				.receive("admin.*").hasRole("ADMIN")
				.anyMessage().authenticated()
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomMiddlewareConfiguration {

		@Bean
		AuthenticationMiddleware customAuthentication() {
			return new AuthenticationMiddleware((handshake) -> null);
		}

	}

}
