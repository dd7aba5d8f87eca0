package dev.realtime.autoconfigure.actuate;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.realtime.admin.AdminUiServer;
import dev.realtime.autoconfigure.RealtimeAutoConfiguration;
import dev.realtime.server.RealtimeServer;

/**
 * The {@code realtime} Actuator endpoint ({@link RealtimeEndpoint}), available once exposed:
 * {@code management.endpoints.web.exposure.include=realtime}.
 */
@AutoConfiguration(after = RealtimeAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(RealtimeServer.class)
@ConditionalOnAvailableEndpoint(RealtimeEndpoint.class)
public final class RealtimeEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RealtimeEndpoint realtimeEndpoint(RealtimeServer server, Environment environment) {
		// the name the Admin UI shows for this node, so that both tell of the same one
		String serverId = environment.getProperty("realtime.admin-ui.server-id");
		return new RealtimeEndpoint(server, StringUtils.hasText(serverId) ? serverId : AdminUiServer.hostname());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(RealtimeEndpoint.class)
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	RealtimeEndpointWebExtension realtimeEndpointWebExtension(RealtimeEndpoint endpoint) {
		return new RealtimeEndpointWebExtension(endpoint);
	}

}
