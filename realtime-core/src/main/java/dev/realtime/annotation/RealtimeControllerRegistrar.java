package dev.realtime.annotation;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.server.Ack;
import dev.realtime.server.HandlerRegistry;
import dev.realtime.server.NamespaceTemplate;
import dev.realtime.server.RealtimeServer;

/**
 * Registers the handler methods of every {@link RealtimeController} bean on its namespace, once all singletons
 * exist. Methods are invoked on the bean as the context holds it, so proxies and their advice stay in the path.
 * Parameters are resolved by the {@link HandlerArgumentResolver} beans first, in order, then by the built-in rules;
 * failures are translated by the {@link HandlerExceptionTranslator} beans.
 */
public class RealtimeControllerRegistrar implements SmartInitializingSingleton {

	private final ListableBeanFactory beanFactory;

	private final RealtimeServer server;

	private final JsonMapper mapper;

	private List<HandlerArgumentResolver> argumentResolvers = List.of();

	private List<HandlerExceptionTranslator> exceptionTranslators = List.of();

	public RealtimeControllerRegistrar(ListableBeanFactory beanFactory, RealtimeServer server, JsonMapper mapper) {
		this.beanFactory = beanFactory;
		this.server = server;
		this.mapper = mapper;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.argumentResolvers = this.beanFactory.getBeanProvider(HandlerArgumentResolver.class).orderedStream().toList();
		this.exceptionTranslators = this.beanFactory.getBeanProvider(HandlerExceptionTranslator.class)
			.orderedStream()
			.toList();
		this.beanFactory.getBeansWithAnnotation(RealtimeController.class).values().forEach(this::register);
	}

	/** Registers the handler methods of one bean. */
	public void register(Object bean) {
		Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		RealtimeController controller = AnnotatedElementUtils.findMergedAnnotation(type, RealtimeController.class);
		String namespace = (controller != null) ? controller.namespace() : "/";
		HandlerRegistry registry = NamespaceTemplate.isTemplate(namespace) ? this.server.dynamicNamespace(namespace)
				: this.server.namespace(namespace);
		Map<Method, Method> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<Method>) (method) -> isHandler(method) ? method : null);
		methods.keySet().forEach((method) -> register(registry, bean, method));
	}

	private static boolean isHandler(Method method) {
		return method.isAnnotationPresent(OnEvent.class) || method.isAnnotationPresent(OnAnyEvent.class)
				|| method.isAnnotationPresent(OnConnect.class) || method.isAnnotationPresent(OnDisconnect.class);
	}

	private void register(HandlerRegistry registry, Object bean, Method method) {
		HandlerMethod handler = new HandlerMethod(bean, AopUtils.selectInvocableMethod(method, bean.getClass()),
				this.mapper, this.argumentResolvers, this.exceptionTranslators);
		OnEvent onEvent = method.getAnnotation(OnEvent.class);
		if (onEvent != null) {
			registry.on(onEvent.value(), (socket, args, ack) -> handler
				.invokeAndAck(new Invocation(socket, onEvent.value(), args, ack, null), true));
		}
		if (method.isAnnotationPresent(OnAnyEvent.class)) {
			registry.onAny((socket, event, args, ack) -> handler
				.invokeAndAck(new Invocation(socket, event, args, ack, null), false));
		}
		if (method.isAnnotationPresent(OnConnect.class)) {
			registry.onConnect((socket) -> handler.invoke(Invocation.of(socket)));
		}
		if (method.isAnnotationPresent(OnDisconnect.class)) {
			registry.onDisconnect((socket, reason) -> handler
				.invoke(new Invocation(socket, null, List.of(), Ack.NONE, reason)));
		}
	}

}
