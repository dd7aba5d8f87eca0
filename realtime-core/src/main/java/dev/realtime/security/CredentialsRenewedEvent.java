package dev.realtime.security;

import org.springframework.security.core.Authentication;

import dev.realtime.server.RealtimeSocket;

/**
 * Published when a socket renewed its credentials in-band with {@code #authenticate}: an
 * {@code @EventListener} method receives it, after the socket's principal was replaced.
 *
 * @param socket the socket
 * @param authentication its user from now on
 */
public record CredentialsRenewedEvent(RealtimeSocket socket, Authentication authentication) {

}
