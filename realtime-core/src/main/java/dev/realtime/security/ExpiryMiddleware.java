package dev.realtime.security;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.core.Authentication;

import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.EventContext;
import dev.realtime.middleware.EventMiddleware;
import dev.realtime.middleware.Next;
import dev.realtime.middleware.PublishInContext;
import dev.realtime.middleware.PublishInMiddleware;
import dev.realtime.middleware.SocketContext;
import dev.realtime.middleware.SubscribeContext;
import dev.realtime.middleware.SubscribeMiddleware;
import dev.realtime.server.RealtimeSocket;

/**
 * Ends what a socket may do when its credentials expire (a JWT's {@code exp}, or what an
 * {@link AuthenticationExpiry} says). A connection with expired credentials is refused; after the expiry, the
 * socket's events, subscriptions and publications are refused with an {@link AuthTokenExpiredException}, and once
 * the grace period has passed the socket receives that error as an {@code error} event and is disconnected. A client
 * that reconnects with fresh credentials continues.
 * <p>
 * Runs at {@link #ORDER}, right after authentication. The expiry is kept in the socket attribute
 * {@link #EXPIRES_AT_ATTRIBUTE}, where middleware ordered before this one can read it.
 */
public class ExpiryMiddleware
		extends OrderedMiddleware
		implements ConnectMiddleware, EventMiddleware, SubscribeMiddleware, PublishInMiddleware {

	public static final int ORDER = AuthenticationMiddleware.ORDER + 10;

	/** The socket attribute holding the {@link Instant} at which its credentials expire. */
	public static final String EXPIRES_AT_ATTRIBUTE = ExpiryMiddleware.class.getName() + ".expiresAt";

	private final TaskScheduler scheduler;

	private final AuthenticationExpiry expiry;

	private Duration grace = Duration.ofSeconds(10);

	public ExpiryMiddleware(TaskScheduler scheduler, AuthenticationExpiry expiry) {
		super(ORDER);
		this.scheduler = scheduler;
		this.expiry = expiry;
	}

	/** How long after the expiry a socket stays connected, its actions refused, before it is disconnected. */
	public void setGrace(Duration grace) {
		this.grace = grace;
	}

	/** A recovered socket's credentials are checked again: expired ones fail as at its first connection. */
	@Override
	public boolean runsOnRecovery() {
		return true;
	}

	@Override
	public void onConnect(ConnectContext context, Next next) {
		Instant expiresAt = context.socket().attribute(EXPIRES_AT_ATTRIBUTE, Instant.class);
		if (expiresAt == null) {
			Authentication authentication = authentication(context);
			expiresAt = (authentication != null) ? this.expiry.expiresAt(authentication) : null;
		}
		if (expiresAt != null) {
			rejectIfExpired(expiresAt);
		}
		track(context.socket(), expiresAt);
		next.proceed();
	}

	/**
	 * Ends the socket's actions at this expiry from now on, replacing the one it had, as a renewal of its
	 * credentials does; null for credentials that do not expire.
	 */
	public void track(RealtimeSocket socket, @Nullable Instant expiresAt) {
		if (expiresAt == null) {
			socket.attributes().remove(EXPIRES_AT_ATTRIBUTE);
			return;
		}
		socket.attributes().put(EXPIRES_AT_ATTRIBUTE, expiresAt);
		WeakReference<RealtimeSocket> reference = new WeakReference<>(socket);
		this.scheduler.schedule(() -> disconnectIfExpired(reference.get(), expiresAt), expiresAt.plus(this.grace));
	}

	@Override
	public void onEvent(EventContext context, Next next) {
		check(context, next);
	}

	@Override
	public void onSubscribe(SubscribeContext context, Next next) {
		check(context, next);
	}

	@Override
	public void onPublishIn(PublishInContext context, Next next) {
		check(context, next);
	}

	private void check(SocketContext context, Next next) {
		Instant expiresAt = context.socket().attribute(EXPIRES_AT_ATTRIBUTE, Instant.class);
		if (expiresAt != null) {
			rejectIfExpired(expiresAt);
		}
		next.proceed();
	}

	static void rejectIfExpired(Instant expiresAt) {
		if (!Instant.now().isBefore(expiresAt)) {
			throw new AuthTokenExpiredException(expiresAt);
		}
	}

	// the timer holds the socket weakly: a socket that left before its expiry is not kept until then
	private static void disconnectIfExpired(@Nullable RealtimeSocket socket, Instant expiresAt) {
		if (socket != null && socket.isConnected() && expiresAt.equals(socket.attribute(EXPIRES_AT_ATTRIBUTE))) {
			socket.emit("error", new AuthTokenExpiredException(expiresAt).toClientError());
			socket.disconnect();
		}
	}

}
