package dev.realtime.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.core.Authentication;

import dev.realtime.annotation.OnEvent;
import dev.realtime.annotation.RealtimeController;
import dev.realtime.server.RealtimeServer;
import dev.realtime.support.SignedTokens;

/**
 * The security bridge wired by hand for signed JWTs, as the starter wires it for a resource server: authentication
 * required, expiry with a short grace, and renewal with {@code #authenticate}.
 */
@Configuration(proxyBeanMethods = false)
class JwtTestConfiguration {

	static final SignedTokens TOKENS = new SignedTokens();

	static final Duration GRACE = Duration.ofMillis(500);

	@Bean
	SocketAuthenticator socketAuthenticator() {
		return new SocketAuthenticator(List.of(ResourceServerTokenProvider.jwt(TOKENS.decoder(), null)), null,
				AuthenticationExpiry.standard());
	}

	@Bean
	AuthenticationMiddleware authenticationMiddleware(SocketAuthenticator authenticator) {
		AuthenticationMiddleware middleware = new AuthenticationMiddleware(new BearerTokenHandshakeConverter(),
				authenticator);
		middleware.setRequireAuthentication(true);
		return middleware;
	}

	@Bean
	ExpiryMiddleware expiryMiddleware(ThreadPoolTaskScheduler realtimeTaskScheduler) {
		ExpiryMiddleware middleware = new ExpiryMiddleware(realtimeTaskScheduler, AuthenticationExpiry.standard());
		middleware.setGrace(GRACE);
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
	WhoAmIController whoAmIController() {
		return new WhoAmIController();
	}

	@RealtimeController
	static class WhoAmIController {

		@OnEvent("whoami")
		Map<String, Object> whoami(Authentication authentication) {
			return Map.of("name", authentication.getName(), "expiresAt",
					String.valueOf(AuthenticationExpiry.standard().expiresAt(authentication)));
		}

	}

}
