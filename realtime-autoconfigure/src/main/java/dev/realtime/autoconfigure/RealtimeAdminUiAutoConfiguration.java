package dev.realtime.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;

import dev.realtime.admin.AdminUiAuthentication;
import dev.realtime.server.RealtimeServer;

/**
 * Serves the Socket.IO Admin UI's namespace when {@code realtime.admin-ui.enabled=true}: see
 * {@link AdminUiLifecycle}. The UI logs in through the application's {@link AuthenticationManager} bean (else its
 * {@link AuthenticationProvider} beans) with {@code realtime.admin-ui.role}, unless
 * {@code realtime.admin-ui.auth=none}.
 */
@AutoConfiguration(after = { RealtimeAutoConfiguration.class, RealtimeSecurityAutoConfiguration.class })
@ConditionalOnBean(RealtimeServer.class)
@ConditionalOnProperty(prefix = "realtime.admin-ui", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(RealtimeAdminUiProperties.class)
public final class RealtimeAdminUiAutoConfiguration {

	@Bean
	AdminUiLifecycle realtimeAdminUi(RealtimeServer server, RealtimeAdminUiProperties properties,
			ObjectProvider<AdminUiAuthentication> authentication,
			@Qualifier(RealtimeAutoConfiguration.SCHEDULER) TaskScheduler scheduler) {
		return new AdminUiLifecycle(server, properties, authentication.getIfAvailable(), scheduler);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AuthenticationManager.class)
	@ConditionalOnProperty(prefix = "realtime.admin-ui", name = "auth", havingValue = "spring-security",
			matchIfMissing = true)
	static final class SpringSecurityLogin {

		@Bean
		AdminUiAuthentication realtimeAdminUiAuthentication(RealtimeAdminUiProperties properties,
				ObjectProvider<AuthenticationManager> authenticationManager,
				ObjectProvider<AuthenticationProvider> authenticationProviders) {
			AuthenticationManager manager = authenticationManager.getIfUnique(() -> {
				List<AuthenticationProvider> providers = authenticationProviders.orderedStream().toList();
				return providers.isEmpty() ? null : new ProviderManager(providers);
			});
			if (manager == null) {
				throw AdminUiLifecycle.noLogin("the application has no AuthenticationManager bean "
						+ "and no AuthenticationProvider bean");
			}
			return new AdminUiAuthentication(properties.getNamespace(), manager, properties.getRole());
		}

	}

}
