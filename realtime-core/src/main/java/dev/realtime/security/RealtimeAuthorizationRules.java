package dev.realtime.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.PathMatcher;

import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.PublishInContext;
import dev.realtime.middleware.SocketContext;
import dev.realtime.middleware.SubscribeContext;

/**
 * Which user may connect to which namespace, send which event, and subscribe or publish to which channel, as an
 * ordered list of rules in the manner of Spring Security's message matchers:
 * <pre class="code">
 * RealtimeAuthorizationRules.builder()
 *     .namespace("/admin").hasRole("ADMIN")
 *     .event("chat:*").authenticated()
 *     .subscribe("user.{id}").matchesPrincipalName("id")
 *     .anyMessage().permitAll()
 *     .build();
 * </pre>
 * The first rule that matches an action decides; an action that no rule matches is denied, so a rule set usually
 * ends with {@code anyMessage()}. Namespace patterns are Ant-style paths ({@code /admin/**}); event and channel
 * patterns are Ant-style with {@code .} as separator ({@code chat:*}, {@code user.{id}}, {@code news.**}).
 */
public final class RealtimeAuthorizationRules {

	private static final PathMatcher NAMESPACES = new AntPathMatcher();

	private static final PathMatcher NAMES = new AntPathMatcher(".");

	private final List<Rule> rules;

	private RealtimeAuthorizationRules(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The decision of the first rule that matches the action; denied when none does. */
	public AuthorizationResult authorize(Supplier<@Nullable Authentication> authentication, SocketContext action) {
		for (Rule rule : this.rules) {
			Map<String, String> variables = rule.matcher().match(action);
			if (variables != null) {
				AuthorizationResult result = rule.manager()
					.authorize(authentication, new RealtimeAuthorizationContext(action, variables));
				return (result != null) ? result : new AuthorizationDecision(false);
			}
		}
		return new AuthorizationDecision(false);
	}

	/** Which actions a rule applies to: the variables its pattern captured, or null when it does not apply. */
	@FunctionalInterface
	private interface ActionMatcher {

		@Nullable Map<String, String> match(SocketContext action);

		static <C extends SocketContext> ActionMatcher of(Class<C> line, Function<C, String> name, PathMatcher matcher,
				String pattern) {
			return (action) -> {
				if (!line.isInstance(action)) {
					return null;
				}
				String actual = name.apply(line.cast(action));
				return matcher.match(pattern, actual) ? matcher.extractUriTemplateVariables(pattern, actual) : null;
			};
		}

	}

	private record Rule(ActionMatcher matcher, AuthorizationManager<RealtimeAuthorizationContext> manager) {
	}

	/** Adds rules in the order they are checked. */
	public static final class Builder {

		private final List<Rule> rules = new ArrayList<>();

		private Builder() {
		}

		/** Connecting to the namespaces whose names match the pattern. */
		public Constraint namespace(String... patterns) {
			return constraint(patterns, (pattern) -> ActionMatcher.of(ConnectContext.class,
					(connect) -> connect.namespace().name(), NAMESPACES, pattern));
		}

		/** Sending the events whose names match the pattern. */
		public Constraint event(String... patterns) {
			return constraint(patterns,
					(pattern) -> ActionMatcher.of(EventContext.class, EventContext::event, NAMES, pattern));
		}

		/** Subscribing to the channels whose names match the pattern. */
		public Constraint subscribe(String... patterns) {
			return constraint(patterns,
					(pattern) -> ActionMatcher.of(SubscribeContext.class, SubscribeContext::channel, NAMES, pattern));
		}

		/** Publishing to the channels whose names match the pattern. */
		public Constraint publish(String... patterns) {
			return constraint(patterns,
					(pattern) -> ActionMatcher.of(PublishInContext.class, PublishInContext::channel, NAMES, pattern));
		}

		/** Every action. */
		public Constraint anyMessage() {
			return new Constraint(List.of((action) -> Map.of()));
		}

		public RealtimeAuthorizationRules build() {
			return new RealtimeAuthorizationRules(this.rules);
		}

		private Constraint constraint(String[] patterns, Function<String, ActionMatcher> matcher) {
			return new Constraint(List.of(patterns).stream().map(matcher).toList());
		}

		/** What the matched actions require. */
		public final class Constraint {

			private final List<ActionMatcher> matchers;

			private Constraint(List<ActionMatcher> matchers) {
				this.matchers = matchers;
			}

			public Builder permitAll() {
				return access(SingleResultAuthorizationManager.permitAll());
			}

			public Builder denyAll() {
				return access(SingleResultAuthorizationManager.denyAll());
			}

			public Builder authenticated() {
				return access(AuthenticatedAuthorizationManager.authenticated());
			}

			public Builder hasRole(String role) {
				return access(AuthorityAuthorizationManager.hasRole(role));
			}

			public Builder hasAnyRole(String... roles) {
				return access(AuthorityAuthorizationManager.hasAnyRole(roles));
			}

			public Builder hasAuthority(String authority) {
				return access(AuthorityAuthorizationManager.hasAuthority(authority));
			}

			public Builder hasAnyAuthority(String... authorities) {
				return access(AuthorityAuthorizationManager.hasAnyAuthority(authorities));
			}

			/** Allowed when the pattern's variable equals the authenticated user's name, as in {@code user.{id}}. */
			public Builder matchesPrincipalName(String variable) {
				return access((authentication, context) -> {
					Authentication user = authentication.get();
					return new AuthorizationDecision(user != null && user.isAuthenticated()
							&& user.getName().equals(context.variables().get(variable)));
				});
			}

			/** Decided by any authorization manager. */
			public Builder access(AuthorizationManager<RealtimeAuthorizationContext> manager) {
				this.matchers.forEach((matcher) -> Builder.this.rules.add(new Rule(matcher, manager)));
				return Builder.this;
			}

		}

	}

}
