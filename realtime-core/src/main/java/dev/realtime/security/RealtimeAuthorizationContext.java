package dev.realtime.security;

import java.util.Map;

import dev.realtime.middleware.SocketContext;

/**
 * What an authorization rule decides on: the action (a {@link dev.realtime.middleware.ConnectContext},
 * {@link dev.realtime.middleware.EventContext}, {@link dev.realtime.middleware.SubscribeContext} or
 * {@link dev.realtime.middleware.PublishInContext}) and the values of the {@code {variables}} its pattern captured.
 *
 * @param action the action being authorized
 * @param variables the captured pattern variables, e.g. {@code id} for {@code user.{id}}
 */
public record RealtimeAuthorizationContext(SocketContext action, Map<String, String> variables) {

}
