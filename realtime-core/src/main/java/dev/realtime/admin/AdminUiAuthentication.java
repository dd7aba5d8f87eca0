package dev.realtime.admin;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;

import dev.realtime.middleware.ConnectMiddleware;
import dev.realtime.middleware.ConnectContext;
import dev.realtime.middleware.Next;
import dev.realtime.security.AuthenticationMiddleware;
import dev.realtime.server.RealtimeException;

/**
 * Logs the Admin UI in, on its namespace alone: the {@code username} and {@code password} of its form are
 * authenticated by the application's {@link AuthenticationManager}, and the user must have the required role. A
 * successful login gets a session id, sent to the UI as its {@code session} event, with which it reconnects without
 * the password; a failed one is refused with "invalid credentials", which the UI shows as such. The user becomes the
 * socket's principal. Runs before {@link AuthenticationMiddleware}, so that sockets of the UI count as
 * authenticated where the application requires it. Sessions live on this node, the most recent
 * {@value #MAX_SESSIONS} of them.
 */
public class AdminUiAuthentication implements ConnectMiddleware, Ordered {

	/** Before the security bridge's authentication. */
	public static final int ORDER = AuthenticationMiddleware.ORDER - 10;

	static final int MAX_SESSIONS = 1000;

	private static final Logger logger = LoggerFactory.getLogger(AdminUiAuthentication.class);

	private static final SecureRandom random = new SecureRandom();

	private final String namespace;

	private final AuthenticationManager authenticationManager;

	private final String authority;

	private final Map<String, Authentication> sessions = bounded();

	// session ids issued to sockets whose CONNECT is still under way, until their connect handler sends them
	private final Map<String, String> issued = bounded();

	/**
	 * @param role the role a user needs, with or without the {@code ROLE_} prefix
	 */
	public AdminUiAuthentication(String namespace, AuthenticationManager authenticationManager, String role) {
		this.namespace = namespace;
		this.authenticationManager = authenticationManager;
		this.authority = role.startsWith("ROLE_") ? role : "ROLE_" + role;
	}

	private static <V> Map<String, V> bounded() {
		return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
				return size() > MAX_SESSIONS;
			}

		});
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void onConnect(ConnectContext context, Next next) {
		if (!context.namespace().name().equals(this.namespace)) {
			next.proceed();
			return;
		}
		Authentication known = (context.auth().get("sessionId") instanceof String session) ? this.sessions.get(session)
				: null;
		Authentication user = (known != null) ? known : login(context.auth());
		if (user == null) {
			next.reject(new RealtimeException("invalid credentials"));
			return;
		}
		if (known == null) {
			String session = newSessionId();
			this.sessions.put(session, user);
			String socketId = context.socket().id();
			this.issued.put(socketId, session);
			context.outcome().thenAccept((verdict) -> {
				if (!verdict.proceeds()) {
					this.issued.remove(socketId);
				}
			});
		}
		context.setPrincipal(user);
		next.proceed();
	}

	/** 32 hexadecimal digits (Node makes 16: the UI takes any string). */
	private static String newSessionId() {
		byte[] id = new byte[16];
		random.nextBytes(id);
		return HexFormat.of().formatHex(id);
	}

	private @Nullable Authentication login(Map<String, Object> auth) {
		if (!(auth.get("username") instanceof String username) || !(auth.get("password") instanceof String password)) {
			return null;
		}
		try {
			Authentication user = this.authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
			return (user != null && user.isAuthenticated() && hasRole(user)) ? user : null;
		}
		catch (AuthenticationServiceException ex) {
			logger.error("Authentication of an admin UI login failed", ex);
			throw new RealtimeException("Authentication unavailable");
		}
		catch (AuthenticationException ex) {
			return null;
		}
	}

	private boolean hasRole(Authentication user) {
		for (GrantedAuthority authority : user.getAuthorities()) {
			if (this.authority.equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	/** The session id issued to this socket as it connected, once; null when it reconnected with one. */
	@Nullable String takeIssuedSession(String socketId) {
		return this.issued.remove(socketId);
	}

}
