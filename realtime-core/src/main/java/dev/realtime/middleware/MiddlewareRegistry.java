package dev.realtime.middleware;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;

import dev.realtime.server.InvocationScope;

/**
 * Every registered middleware with the namespaces it applies to, in registration order (beans first, in
 * {@code @Order} order). Namespaces ask it for their {@link Lines} and rebuild them when the {@link #version()}
 * changes.
 */
public final class MiddlewareRegistry {

	private final List<Registration> registrations = new CopyOnWriteArrayList<>();

	private final AtomicLong version = new AtomicLong();

	private final TaskScheduler scheduler;

	private final Duration timeout;

	private final Supplier<InvocationScope> scope;

	private volatile @Nullable HandshakeSnapshot handshake;

	private volatile @Nullable DecisionObserver decisionObserver;

	/**
	 * @param scope surrounds each call of a socket-level middleware (read on each call, so it may be set later)
	 */
	public MiddlewareRegistry(TaskScheduler scheduler, Duration timeout, Supplier<InvocationScope> scope) {
		this.scheduler = scheduler;
		this.timeout = timeout;
		this.scope = scope;
	}

	/**
	 * Registers a middleware in every line it implements.
	 * @param scope which namespace names it applies to
	 */
	public void add(RealtimeMiddleware middleware, Predicate<String> scope) {
		this.registrations.add(new Registration(middleware, scope));
		this.version.incrementAndGet();
	}

	/** Tells this observer how every run of every line ends, from now on. */
	public void setDecisionObserver(@Nullable DecisionObserver observer) {
		this.decisionObserver = observer;
	}

	/** Changes whenever a middleware is added. */
	public long version() {
		return this.version.get();
	}

	/** The chains of every line for a namespace. */
	public Lines linesFor(String namespace) {
		return new Lines(
				chain(MiddlewareLine.CONNECT, ConnectMiddleware.class, namespace, scoped(ConnectMiddleware::onConnect)),
				chain(MiddlewareLine.CONNECT, ConnectMiddleware.class, namespace, scoped(ConnectMiddleware::onConnect),
						ConnectMiddleware::runsOnRecovery),
				chain(MiddlewareLine.EVENT, EventMiddleware.class, namespace, scoped(EventMiddleware::onEvent)),
				chain(MiddlewareLine.SUBSCRIBE, SubscribeMiddleware.class, namespace,
						scoped(SubscribeMiddleware::onSubscribe)),
				chain(MiddlewareLine.PUBLISH_IN, PublishInMiddleware.class, namespace,
						scoped(PublishInMiddleware::onPublishIn)),
				chain(MiddlewareLine.PUBLISH_OUT, PublishOutMiddleware.class, namespace,
						scoped(PublishOutMiddleware::onPublishOut)),
				chain(MiddlewareLine.EMIT_OUT, EmitOutMiddleware.class, namespace, scoped(EmitOutMiddleware::onEmitOut)));
	}

	/** The HANDSHAKE line, which runs before any namespace is known; rebuilt only when middleware is added. */
	public MiddlewareChain<HandshakeMiddleware, HandshakeContext> handshake() {
		HandshakeSnapshot snapshot = this.handshake;
		long current = this.version.get();
		if (snapshot == null || snapshot.version() != current) {
			snapshot = new HandshakeSnapshot(current,
					chain(MiddlewareLine.HANDSHAKE, HandshakeMiddleware.class, null, HandshakeMiddleware::onHandshake));
			this.handshake = snapshot;
		}
		return snapshot.chain();
	}

	private <M, C extends SocketContext> MiddlewareChain.Invoker<M, C> scoped(MiddlewareChain.Invoker<M, C> invoker) {
		return (middleware, context, next) -> {
			try (InvocationScope.Scope entered = this.scope.get().enter(context.socket())) {
				invoker.invoke(middleware, context, next);
			}
		};
	}

	private <M, C> MiddlewareChain<M, C> chain(MiddlewareLine line, Class<M> type, @Nullable String namespace,
			MiddlewareChain.Invoker<M, C> invoker) {
		return chain(line, type, namespace, invoker, (middleware) -> true);
	}

	private <M, C> MiddlewareChain<M, C> chain(MiddlewareLine line, Class<M> type, @Nullable String namespace,
			MiddlewareChain.Invoker<M, C> invoker, Predicate<M> member) {
		List<M> members = new ArrayList<>();
		for (Registration registration : this.registrations) {
			if (type.isInstance(registration.middleware())
					&& (namespace == null || registration.scope().test(namespace))
					&& member.test(type.cast(registration.middleware()))) {
				members.add(type.cast(registration.middleware()));
			}
		}
		return new MiddlewareChain<>(line, List.copyOf(members), invoker, this.scheduler, this.timeout,
				() -> this.decisionObserver);
	}

	private record Registration(RealtimeMiddleware middleware, Predicate<String> scope) {
	}

	private record HandshakeSnapshot(long version, MiddlewareChain<HandshakeMiddleware, HandshakeContext> chain) {
	}

	/**
	 * The chains of one namespace, one per line; {@code connectOnRecovery} holds the CONNECT middleware that a
	 * recovered socket passes when connection state recovery skips middleware.
	 */
	public record Lines(MiddlewareChain<ConnectMiddleware, ConnectContext> connect,
			MiddlewareChain<ConnectMiddleware, ConnectContext> connectOnRecovery,
			MiddlewareChain<EventMiddleware, EventContext> event,
			MiddlewareChain<SubscribeMiddleware, SubscribeContext> subscribe,
			MiddlewareChain<PublishInMiddleware, PublishInContext> publishIn,
			MiddlewareChain<PublishOutMiddleware, PublishOutContext> publishOut,
			MiddlewareChain<EmitOutMiddleware, EmitOutContext> emitOut) {
	}

}
