package dev.realtime.server;

import java.util.Map;

/**
 * Renews a connected socket's credentials without a reconnection, when its client sends the reserved
 * {@code #authenticate} request: {@code socket.emitWithAck("#authenticate", {token})}. The payload has the shape of
 * the CONNECT {@code auth} payload. Set with {@link RealtimeServer#setCredentialRenewal}; without one, the request
 * is refused.
 */
@FunctionalInterface
public interface CredentialRenewal {

	/**
	 * Renews the socket's credentials, or throws: a {@link RealtimeException} tells the client why, and the socket keeps
	 * the credentials it had.
	 */
	void renew(RealtimeSocket socket, Map<String, Object> credentials);

}
