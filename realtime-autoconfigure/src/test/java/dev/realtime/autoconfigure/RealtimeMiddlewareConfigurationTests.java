package dev.realtime.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.EventMiddleware;
import dev.realtime.middleware.LoggingMiddleware;
import dev.realtime.middleware.RateLimitMiddleware;
import dev.realtime.middleware.RateLimitMiddleware.Limit;
import dev.realtime.middleware.Next;
import dev.realtime.middleware.RealtimeMiddleware;

import static org.assertj.core.api.Assertions.assertThat;

class RealtimeMiddlewareConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RealtimeAutoConfiguration.class));

	@Test
	void addsNoReadyMadeMiddlewareByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(LoggingMiddleware.class)
			.doesNotHaveBean(RateLimitMiddleware.class));
	}

	@Test
	void logsWhenEnabled() {
		this.runner.withPropertyValues("realtime.logging.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(LoggingMiddleware.class)
				.doesNotHaveBean(RateLimitMiddleware.class));
	}

	@Test
	void limitsRatesWhenEnabledWithDefaultLimits() {
		this.runner.withPropertyValues("realtime.rate-limit.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(RateLimitMiddleware.class).doesNotHaveBean(LoggingMiddleware.class);
			RealtimeProperties.RateLimit rateLimit = context.getBean(RealtimeProperties.class).getRateLimit();
			assertThat(rateLimit.getEvents().toLimit()).isEqualTo(new Limit(20, 10));
			assertThat(rateLimit.getPublishes().toLimit()).isEqualTo(new Limit(10, 5));
		});
	}

	@Test
	void bindsRateLimits() {
		this.runner
			.withPropertyValues("realtime.rate-limit.enabled=true", "realtime.rate-limit.events.capacity=5",
					"realtime.rate-limit.events.per-second=2.5", "realtime.rate-limit.publishes.capacity=1",
					"realtime.rate-limit.publishes.per-second=0.5")
			.run((context) -> {
				RealtimeProperties.RateLimit rateLimit = context.getBean(RealtimeProperties.class).getRateLimit();
				assertThat(rateLimit.getEvents().toLimit()).isEqualTo(new Limit(5, 2.5));
				assertThat(rateLimit.getPublishes().toLimit()).isEqualTo(new Limit(1, 0.5));
			});
	}

	@Test
	void backsOffFromMiddlewareTheApplicationDefines() {
		RateLimitMiddleware rateLimit = new RateLimitMiddleware(new Limit(1, 1), new Limit(1, 1));
		LoggingMiddleware logging = new LoggingMiddleware();
		this.runner.withPropertyValues("realtime.rate-limit.enabled=true", "realtime.logging.enabled=true")
			.withBean(RateLimitMiddleware.class, () -> rateLimit)
			.withBean(LoggingMiddleware.class, () -> logging)
			.run((context) -> {
				assertThat(context).getBean(RateLimitMiddleware.class).isSameAs(rateLimit);
				assertThat(context).getBean(LoggingMiddleware.class).isSameAs(logging);
			});
	}

	@Test
	void ordersTheMiddlewareSoThatApplicationMiddlewareFitsBetween() {
		this.runner.withPropertyValues("realtime.rate-limit.enabled=true", "realtime.logging.enabled=true")
			.withBean(BetweenMiddleware.class)
			.run((context) -> assertThat(context.getBeanProvider(RealtimeMiddleware.class).orderedStream())
				.extracting(Object::getClass)
				.containsExactly(LoggingMiddleware.class, BetweenMiddleware.class, RateLimitMiddleware.class));
	}

	@Order(Ordered.HIGHEST_PRECEDENCE + 50)
	static class BetweenMiddleware implements EventMiddleware {

		@Override
		public void onEvent(EventContext context, Next next) {
			next.proceed();
		}

	}

}
