package dev.realtime.annotation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.server.Ack;
import dev.realtime.server.RealtimeException;

/** A handler method on its bean (the Spring proxy when there is one), with its parameters' resolvers. */
final class HandlerMethod {

	private static final Logger logger = LoggerFactory.getLogger(HandlerMethod.class);

	private final Object bean;

	private final Method method;

	private final Function<Invocation, Object>[] resolvers;

	private final List<HandlerExceptionTranslator> exceptionTranslators;

	HandlerMethod(Object bean, Method method, JsonMapper mapper, List<HandlerArgumentResolver> argumentResolvers,
			List<HandlerExceptionTranslator> exceptionTranslators) {
		this.bean = bean;
		this.method = method;
		this.resolvers = ArgumentResolvers.forMethod(method, mapper, argumentResolvers);
		this.exceptionTranslators = exceptionTranslators;
		ReflectionUtils.makeAccessible(method);
	}

	/** Calls the method; its failure is thrown as translated, or as it was, not wrapped. */
	Object invoke(Invocation invocation) throws Exception {
		Object[] values = new Object[this.resolvers.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = this.resolvers[i].apply(invocation);
		}
		try {
			return this.method.invoke(this.bean, values);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof Exception failure) {
				throw translate(failure);
			}
			throw ex;
		}
	}

	private Exception translate(Exception failure) {
		for (HandlerExceptionTranslator translator : this.exceptionTranslators) {
			RealtimeException translated = translator.translate(failure);
			if (translated != null) {
				return translated;
			}
		}
		return failure;
	}

	/**
	 * Calls the method and answers the acknowledgement with what it returns, now or when its stage completes. With
	 * {@code answerVoid}, a {@code void} method that takes no {@link Ack} of its own answers it with no arguments once
	 * it returns, so that no client waits for an answer that will not come.
	 */
	void invokeAndAck(Invocation invocation, boolean answerVoid) throws Exception {
		Object result = invoke(invocation);
		Ack ack = invocation.ack();
		if (result instanceof CompletionStage<?> stage) {
			stage.whenComplete((value, failure) -> {
				if (failure != null) {
					logger.error("Handler {} failed", this, failure);
					ack.send(RealtimeException.clientErrorOf(failure));
				}
				else {
					ack.send(value);
				}
			});
		}
		else if (this.method.getReturnType() != void.class) {
			ack.send(result);
		}
		else if (answerVoid && !takesAck()) {
			ack.send();
		}
	}

	private boolean takesAck() {
		return Arrays.asList(this.method.getParameterTypes()).contains(Ack.class);
	}

	@Override
	public String toString() {
		return this.method.getDeclaringClass().getSimpleName() + "." + this.method.getName();
	}

}
