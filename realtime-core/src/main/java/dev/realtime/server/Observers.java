package dev.realtime.server;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.realtime.middleware.MiddlewareLine;
import dev.realtime.middleware.Verdict;

/**
 * The observers of a server, told in the order they were added. An observer that throws is logged and the action
 * goes on. Callers check {@link #isEmpty()} before they gather what only observers need.
 */
final class Observers implements ServerObserver {

	private static final Logger logger = LoggerFactory.getLogger(Observers.class);

	private volatile ServerObserver[] all = new ServerObserver[0];

	synchronized void add(ServerObserver observer) {
		ServerObserver[] more = Arrays.copyOf(this.all, this.all.length + 1);
		more[more.length - 1] = observer;
		this.all = more;
	}

	boolean isEmpty() {
		return this.all.length == 0;
	}

	@Override
	public void connectionOpened(String transport) {
		each((observer) -> observer.connectionOpened(transport));
	}

	@Override
	public void connectionClosed(String reason) {
		each((observer) -> observer.connectionClosed(reason));
	}

	@Override
	public void handshakeRefused(String reason) {
		each((observer) -> observer.handshakeRefused(reason));
	}

	@Override
	public void socketConnected(RealtimeSocket socket) {
		each((observer) -> observer.socketConnected(socket));
	}

	@Override
	public void socketUpgraded(RealtimeSocket socket) {
		each((observer) -> observer.socketUpgraded(socket));
	}

	@Override
	public void socketDisconnected(RealtimeSocket socket, DisconnectReason reason) {
		each((observer) -> observer.socketDisconnected(socket, reason));
	}

	@Override
	public void roomJoined(Namespace namespace, String socketId, String room) {
		each((observer) -> observer.roomJoined(namespace, socketId, room));
	}

	@Override
	public void roomLeft(Namespace namespace, String socketId, String room) {
		each((observer) -> observer.roomLeft(namespace, socketId, room));
	}

	@Override
	public void eventReceived(RealtimeSocket socket, String event, List<?> args) {
		each((observer) -> observer.eventReceived(socket, event, args));
	}

	@Override
	public void eventSent(RealtimeSocket socket, String event, List<?> args) {
		for (ServerObserver observer : this.all) {
			try {
				observer.eventSent(socket, event, args);
			}
			catch (RuntimeException ex) {
				failed(observer, ex);
			}
		}
	}

	@Override
	public EventHandling eventHandling(RealtimeSocket socket, String event) {
		ServerObserver[] observers = this.all;
		EventHandling[] handlings = new EventHandling[observers.length];
		for (int i = 0; i < observers.length; i++) {
			try {
				handlings[i] = observers[i].eventHandling(socket, event);
			}
			catch (RuntimeException ex) {
				failed(observers[i], ex);
				handlings[i] = EventHandling.NONE;
			}
		}
		return (failure) -> end(handlings, failure);
	}

	private static void end(EventHandling[] handlings, @Nullable Throwable failure) {
		// the last started ends first, so that scopes opened by observers close in order
		for (int i = handlings.length - 1; i >= 0; i--) {
			try {
				handlings[i].end(failure);
			}
			catch (RuntimeException ex) {
				logger.error("Observer failed to end an event handling", ex);
			}
		}
	}

	@Override
	public void middlewareDecided(MiddlewareLine line, Verdict verdict) {
		each((observer) -> observer.middlewareDecided(line, verdict));
	}

	@Override
	public void ackTimedOut(Namespace namespace) {
		each((observer) -> observer.ackTimedOut(namespace));
	}

	@Override
	public void messageReceived(int bytes) {
		for (ServerObserver observer : this.all) {
			try {
				observer.messageReceived(bytes);
			}
			catch (RuntimeException ex) {
				failed(observer, ex);
			}
		}
	}

	@Override
	public void messagesSent(int messages, long bytes, long queuedBytes) {
		for (ServerObserver observer : this.all) {
			try {
				observer.messagesSent(messages, bytes, queuedBytes);
			}
			catch (RuntimeException ex) {
				failed(observer, ex);
			}
		}
	}

	/** Tells every observer; for actions that happen once, not once per recipient. */
	private void each(Consumer<ServerObserver> action) {
		for (ServerObserver observer : this.all) {
			try {
				action.accept(observer);
			}
			catch (RuntimeException ex) {
				failed(observer, ex);
			}
		}
	}

	private static void failed(ServerObserver observer, RuntimeException ex) {
		logger.error("Observer {} failed", observer, ex);
	}

}
