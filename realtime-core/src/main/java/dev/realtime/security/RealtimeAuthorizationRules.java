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
import dev.realtime.middleware.EmitOutContext;
import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.PublishInContext;
import dev.realtime.middleware.PublishOutContext;
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
 *     .receive("admin.*").hasRole("ADMIN")
 *     .anyMessage().permitAll()
 *     .build();
 * </pre>
 * The first rule that matches an action decides; an action that no rule matches is denied, so a rule set usually
 * ends with {@code anyMessage()}. What a user may {@linkplain Builder#receive receive} is decided apart, per
 * recipient, by the first {@code receive} rule that matches; a delivery that none matches is allowed, since what the
 * server sends is its own decision. Namespace patterns are Ant-style paths ({@code /admin/**}); event and channel
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
		AuthorizationResult result = decide(false, authentication, action);
		return (result != null) ? result : new AuthorizationDecision(false);
	}

	/**
	 * Whether the recipient of a delivery (a {@link PublishOutContext} or an {@link EmitOutContext}) may receive
	 * it: the decision of the first {@code receive} rule that matches; allowed when none does.
	 */
	public AuthorizationResult authorizeReceive(Supplier<@Nullable Authentication> authentication,
			SocketContext delivery) {
		AuthorizationResult result = decide(true, authentication, delivery);
		return (result != null) ? result : new AuthorizationDecision(true);
	}

	/** Whether a rule says what a user may receive: without one, deliveries need no check. */
	public boolean hasReceiveRules() {
		return this.rules.stream().anyMatch(Rule::receive);
	}

	private @Nullable AuthorizationResult decide(boolean receive, Supplier<@Nullable Authentication> authentication,
			SocketContext action) {
		for (Rule rule : this.rules) {
			Map<String, String> variables = (rule.receive() == receive) ? rule.matcher().match(action) : null;
			if (variables != null) {
				AuthorizationResult result = rule.manager()
					.authorize(authentication, new RealtimeAuthorizationContext(action, variables));
				return (result != null) ? result : new AuthorizationDecision(false);
			}
		}
		return null;
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

	private record Rule(ActionMatcher matcher, AuthorizationManager<RealtimeAuthorizationContext> manager,
			boolean receive) {
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

		/**
		 * Receiving the channel publications and the server's events whose names match the pattern, checked for
		 * each recipient on the PUBLISH_OUT and EMIT_OUT lines; a recipient denied is skipped, silently.
		 */
		public Constraint receive(String... patterns) {
			return new Constraint(List.of(patterns).stream().map((pattern) -> {
				ActionMatcher publication = ActionMatcher.of(PublishOutContext.class, PublishOutContext::channel,
						NAMES, pattern);
				ActionMatcher event = ActionMatcher.of(EmitOutContext.class, EmitOutContext::event, NAMES, pattern);
				return (ActionMatcher) (action) -> {
					Map<String, String> variables = publication.match(action);
					return (variables != null) ? variables : event.match(action);
				};
			}).toList(), true);
		}

		/** Every action; deliveries are decided by {@link #receive} rules alone. */
		public Constraint anyMessage() {
			return new Constraint(List.of((action) -> Map.of()), false);
		}

		public RealtimeAuthorizationRules build() {
			return new RealtimeAuthorizationRules(this.rules);
		}

		private Constraint constraint(String[] patterns, Function<String, ActionMatcher> matcher) {
			return new Constraint(List.of(patterns).stream().map(matcher).toList(), false);
		}

		/** What the matched actions require. */
		public final class Constraint {

			private final List<ActionMatcher> matchers;

			private final boolean receive;

			private Constraint(List<ActionMatcher> matchers, boolean receive) {
				this.matchers = matchers;
				this.receive = receive;
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
				this.matchers.forEach((matcher) -> Builder.this.rules.add(new Rule(matcher, manager, this.receive)));
				return Builder.this;
			}

		}

	}

}
