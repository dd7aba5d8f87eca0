package dev.realtime.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * Warns, once, when WebFlux is on the classpath: the endpoint needs a servlet web application, so either it is not
 * served (a reactive application), or the starter's Spring MVC made Spring Boot start a servlet application where the
 * WebFlux routes are not served. Silent once {@code spring.main.web-application-type=servlet} says that the servlet
 * stack is what the application wants.
 */
class ReactiveStackWarning implements SmartInitializingSingleton {

	static final String WEB_APPLICATION_TYPE = "spring.main.web-application-type";

	private static final Logger logger = LoggerFactory.getLogger(ReactiveStackWarning.class);

	private final ApplicationContext context;

	ReactiveStackWarning(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.context instanceof ReactiveWebApplicationContext) {
			logger.warn("The realtime endpoint is not served: it needs a servlet web application, and this one is "
					+ "reactive (WebFlux). Reactive applications are not supported yet: set " + WEB_APPLICATION_TYPE
					+ "=servlet, or remove WebFlux, or set realtime.enabled=false to silence this warning.");
		}
		else if (!this.context.getEnvironment().containsProperty(WEB_APPLICATION_TYPE)) {
			logger.warn("WebFlux is on the classpath, but the realtime starter brings Spring MVC, so Spring Boot "
					+ "started a servlet web application: WebFlux routes and filters of this application are not "
					+ "served. Reactive applications are not supported yet: remove WebFlux, or set "
					+ WEB_APPLICATION_TYPE + "=servlet to keep the servlet stack and silence this warning.");
		}
	}

}
