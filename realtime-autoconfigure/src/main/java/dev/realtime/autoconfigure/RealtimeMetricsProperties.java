package dev.realtime.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether the realtime server's Micrometer meters are registered. */
@ConfigurationProperties("realtime.metrics")
public class RealtimeMetricsProperties {

	/**
	 * Whether to register the realtime.* meters and observe each event's handlers, when the application has a
	 * MeterRegistry.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
