package dev.realtime.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.CredentialsContainer;

import dev.realtime.server.RealtimeException;

/**
 * Authenticates the credentials a socket presents, when it connects and when it renews them in-band, and reads
 * when they expire.
 * <p>
 * The expiry is read before the credentials are erased. A {@link ProviderManager} erases the credentials of the
 * authentication it returns (Spring Security's default), and with them an expiry kept there, such as a token object
 * holding {@code getExpiresAt()}. So a {@code ProviderManager} is not called as a whole: its providers are asked in
 * its order by a manager that keeps the credentials until the expiry is read, then erases them as it would have.
 * Its parent is asked only for a request that none of its providers supports. Any other
 * {@link AuthenticationManager} is called as it is; its expiry must then survive what it does to the result.
 */
public final class SocketAuthenticator {

	private static final Logger logger = LoggerFactory.getLogger(SocketAuthenticator.class);

	private final ProviderManager providers;

	private final boolean eraseCredentials;

	private final AuthenticationExpiry expiry;

	public SocketAuthenticator(AuthenticationManager manager, AuthenticationExpiry expiry) {
		this(List.of(), manager, expiry);
	}

	/**
	 * @param tokenProviders providers asked first, e.g. those of an OAuth2 resource server
	 * @param manager the application's manager, asked after them; null for none
	 */
	public SocketAuthenticator(List<AuthenticationProvider> tokenProviders, @Nullable AuthenticationManager manager,
			AuthenticationExpiry expiry) {
		List<AuthenticationProvider> all = new ArrayList<>(tokenProviders);
		if (manager instanceof ProviderManager providerManager) {
			all.addAll(providerManager.getProviders());
			all.add(new UnsupportedRequests(providerManager));
		}
		else if (manager != null) {
			all.add(new UnsupportedRequests(manager, List.of()));
		}
		if (all.isEmpty()) {
			throw new IllegalArgumentException("No authentication provider nor manager");
		}
		this.providers = new ProviderManager(all);
		this.providers.setEraseCredentialsAfterAuthentication(false);
		// another manager's results are left as it made them
		this.eraseCredentials = (manager instanceof ProviderManager providerManager)
				? providerManager.isEraseCredentialsAfterAuthentication() : manager == null;
		this.expiry = expiry;
	}

	/** Where successes and failures are published, as the application's HTTP authentications are. */
	public void setAuthenticationEventPublisher(AuthenticationEventPublisher publisher) {
		this.providers.setAuthenticationEventPublisher(publisher);
	}

	/**
	 * Authenticates the request, or throws the {@link RealtimeException} the client is told: "Bad credentials",
	 * "Auth token expired", "Account unavailable" or "Authentication unavailable", and nothing more.
	 */
	public Authenticated authenticate(Authentication request) {
		Authentication result;
		try {
			result = this.providers.authenticate(request);
		}
		catch (CredentialsExpiredException ex) {
			throw new AuthTokenExpiredException(null);
		}
		catch (AccountStatusException ex) {
			throw new RealtimeException("Account unavailable");
		}
		catch (AuthenticationServiceException ex) {
			logger.error("Authentication of a socket failed", ex);
			throw new RealtimeException("Authentication unavailable");
		}
		catch (AuthenticationException ex) {
			throw new RealtimeException("Bad credentials");
		}
		if (result == null || !result.isAuthenticated()) {
			throw new RealtimeException("Bad credentials");
		}
		Instant expiresAt = this.expiry.expiresAt(result);
		if (this.eraseCredentials && result instanceof CredentialsContainer container) {
			container.eraseCredentials();
		}
		return new Authenticated(result, expiresAt);
	}

	/**
	 * An authenticated user and when its credentials expire.
	 *
	 * @param authentication the authenticated user
	 * @param expiresAt when its credentials expire, or null when they do not
	 */
	public record Authenticated(Authentication authentication, @Nullable Instant expiresAt) {
	}

	/**
	 * Hands a manager the requests that none of its providers supports, which is what it asks its parent, so that no
	 * provider runs twice for one request.
	 */
	private static final class UnsupportedRequests implements AuthenticationProvider {

		private final AuthenticationManager manager;

		private final List<AuthenticationProvider> providers;

		UnsupportedRequests(ProviderManager manager) {
			this(manager, manager.getProviders());
		}

		UnsupportedRequests(AuthenticationManager manager, List<AuthenticationProvider> providers) {
			this.manager = manager;
			this.providers = providers;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			return this.manager.authenticate(authentication);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return this.providers.stream().noneMatch((provider) -> provider.supports(authentication));
		}

	}

}
