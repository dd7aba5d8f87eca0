package dev.realtime.annotation;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.realtime.middleware.RealtimeMiddleware;
import dev.realtime.server.NamespaceTemplate;
import dev.realtime.server.RealtimeServer;

/**
 * Registers every middleware bean with the server, in {@code @Order} order (unordered last, in definition order),
 * each in every line it implements and limited to the namespaces of its {@link NamespaceScope}, which exist from
 * then on, as {@code io.of("/admin").use(...)} creates "/admin".
 */
public class RealtimeMiddlewareRegistrar implements SmartInitializingSingleton {

	private final ListableBeanFactory beanFactory;

	private final RealtimeServer server;

	public RealtimeMiddlewareRegistrar(ListableBeanFactory beanFactory, RealtimeServer server) {
		this.beanFactory = beanFactory;
		this.server = server;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Map<Object, String> names = new IdentityHashMap<>();
		this.beanFactory.getBeansOfType(RealtimeMiddleware.class).forEach((name, bean) -> names.put(bean, name));
		this.beanFactory.getBeanProvider(RealtimeMiddleware.class).orderedStream().forEach((middleware) -> {
			NamespaceScope scope = this.beanFactory.findAnnotationOnBean(names.get(middleware), NamespaceScope.class);
			this.server.middleware().add(middleware, (scope != null) ? matcher(scope.value()) : (namespace) -> true);
		});
	}

	/** Creates the namespaces and matches their names, given as names or {@code {variable}} templates. */
	private Predicate<String> matcher(String[] namespaces) {
		Predicate<String> matcher = (namespace) -> false;
		for (String namespace : namespaces) {
			if (NamespaceTemplate.isTemplate(namespace)) {
				this.server.dynamicNamespace(namespace);
			}
			else {
				this.server.namespace(namespace);
			}
			matcher = matcher.or(NamespaceTemplate.parse(namespace)::matches);
		}
		return matcher;
	}

}
