package dev.realtime.annotation;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.function.Function;

import org.springframework.core.MethodParameter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

import dev.realtime.server.Ack;
import dev.realtime.server.DisconnectReason;
import dev.realtime.server.Handshake;
import dev.realtime.server.Namespace;
import dev.realtime.server.RealtimeException;
import dev.realtime.server.RealtimeSocket;
import dev.realtime.server.RemoteSocket;

/**
 * Decides, once per handler method, where each parameter's value comes from: a custom
 * {@link HandlerArgumentResolver}, a known type, the event name, or the next event argument converted with the JSON
 * mapper.
 */
final class ArgumentResolvers {

	static final String INVALID_ARGUMENTS = "Invalid arguments";

	private ArgumentResolvers() {
	}

	@SuppressWarnings("unchecked")
	static Function<Invocation, Object>[] forMethod(Method method, JsonMapper mapper,
			List<HandlerArgumentResolver> custom) {
		Function<Invocation, Object>[] resolvers = new Function[method.getParameterCount()];
		int payloadIndex = 0;
		for (int i = 0; i < resolvers.length; i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			Function<Invocation, Object> known = custom(parameter, custom);
			if (known == null) {
				known = known(parameter);
			}
			if (known != null) {
				resolvers[i] = known;
			}
			else {
				resolvers[i] = payload(payloadIndex++, mapper.constructType(parameter.getGenericParameterType()),
						mapper);
			}
		}
		return resolvers;
	}

	private static Function<Invocation, Object> custom(MethodParameter parameter,
			List<HandlerArgumentResolver> custom) {
		for (HandlerArgumentResolver resolver : custom) {
			if (resolver.supportsParameter(parameter)) {
				return (invocation) -> resolver.resolveArgument(parameter, invocation.socket());
			}
		}
		return null;
	}

	private static Function<Invocation, Object> known(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		if (parameter.hasParameterAnnotation(EventName.class)) {
			return Invocation::event;
		}
		if (parameter.hasParameterAnnotation(EventArgs.class)) {
			return Invocation::args;
		}
		if (type == RealtimeSocket.class || type == RemoteSocket.class) {
			return Invocation::socket;
		}
		if (type == Ack.class) {
			return Invocation::ack;
		}
		if (type == Handshake.class) {
			return (invocation) -> invocation.socket().handshake();
		}
		if (type == Namespace.class) {
			return (invocation) -> invocation.socket().namespace();
		}
		if (type == DisconnectReason.class) {
			return Invocation::reason;
		}
		if (Principal.class.isAssignableFrom(type)) {
			return (invocation) -> {
				Principal principal = invocation.socket().principal();
				return type.isInstance(principal) ? principal : null;
			};
		}
		return null;
	}

	/**
	 * The event argument at the index, converted to the parameter's type. One that cannot be converted, or a missing
	 * one for a primitive, is the client's mistake: it is refused as {@value #INVALID_ARGUMENTS}.
	 */
	private static Function<Invocation, Object> payload(int index, JavaType type, JsonMapper mapper) {
		boolean raw = type.getRawClass() == Object.class;
		return (invocation) -> {
			Object value = (index < invocation.args().size()) ? invocation.args().get(index) : null;
			if (value == null && type.isPrimitive()) {
				throw invalidArguments(new IllegalArgumentException("Argument " + (index + 1) + " (" + type.getRawClass()
						+ ") is missing or null"));
			}
			if (value == null || raw || type.getRawClass().isInstance(value) && !type.isContainerType()) {
				return value;
			}
			try {
				return mapper.convertValue(value, type);
			}
			catch (JacksonException | IllegalArgumentException ex) {
				throw invalidArguments(ex);
			}
		};
	}

	private static RealtimeException invalidArguments(Exception cause) {
		return new RealtimeException(INVALID_ARGUMENTS, null, cause);
	}

}
