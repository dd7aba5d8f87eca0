package dev.realtime.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Says what happened when the starter meets WebFlux, which it does not support yet; see {@link ReactiveStackWarning}.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass(name = "org.springframework.web.reactive.DispatcherHandler")
@ConditionalOnProperty(prefix = "realtime", name = "enabled", matchIfMissing = true)
public final class RealtimeReactiveStackAutoConfiguration {

	@Bean
	ReactiveStackWarning realtimeReactiveStackWarning(ApplicationContext context) {
		return new ReactiveStackWarning(context);
	}

}
