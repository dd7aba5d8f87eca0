package dev.realtime.autoconfigure.actuate;

import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import dev.realtime.server.Handshake;
import dev.realtime.server.RealtimeSocket;

/**
 * One socket of this node, as the {@code realtime} endpoint shows it: never its connection's id (which would let a
 * reader take over a long-polling connection), nor any credential it presented.
 * @param id the socket's id
 * @param namespace its namespace
 * @param transport what carries its connection now: {@code polling} or {@code websocket}
 * @param principal the name of its user, if it has one
 * @param connectedAt when it joined its namespace
 * @param recovered whether connection state recovery restored it
 * @param rooms its rooms, besides the one it has of its own
 * @param handshake what its client presented when it connected, credentials removed
 */
public record SocketDescriptor(String id, String namespace, String transport, @Nullable String principal,
		Instant connectedAt, boolean recovered, List<String> rooms, HandshakeDescriptor handshake)
		implements OperationResponseBody {

	/** Headers that carry credentials, left out. */
	private static final Set<String> HIDDEN_HEADERS = Set.of("authorization", "cookie", "proxy-authorization");

	/** Query parameters that carry credentials (a token in the URL, RFC 6750's {@code access_token}), left out. */
	private static final Set<String> HIDDEN_QUERY_PARAMETERS = Set.of("token", "access_token");

	static SocketDescriptor of(RealtimeSocket socket) {
		Principal principal = socket.principal();
		List<String> rooms = socket.rooms().stream().filter((room) -> !room.equals(socket.id())).sorted().toList();
		return new SocketDescriptor(socket.id(), socket.namespace().name(), socket.transport(),
				(principal != null) ? principal.getName() : null, socket.connectedAt(), socket.recovered(), rooms,
				HandshakeDescriptor.of(socket.handshake()));
	}

	/**
	 * The handshake of a socket, without the CONNECT's {@code auth} payload, the {@code Authorization},
	 * {@code Proxy-Authorization} and {@code Cookie} headers, and the {@code token} and {@code access_token} query
	 * parameters.
	 * @param address the client's IP address
	 * @param time when the connection was established
	 * @param url the request URL, without its query
	 * @param secure whether the connection uses TLS
	 * @param xdomain whether the request was cross-origin
	 * @param headers the request's headers, by lower-case name, values joined with ", "
	 * @param query the request's query parameters, the first value of each
	 */
	public record HandshakeDescriptor(String address, Instant time, String url, boolean secure, boolean xdomain,
			Map<String, String> headers, Map<String, String> query) {

		static HandshakeDescriptor of(Handshake handshake) {
			Map<String, String> headers = new LinkedHashMap<>();
			handshake.headers().forEach((name, values) -> {
				String key = name.toLowerCase(Locale.ROOT);
				if (!HIDDEN_HEADERS.contains(key)) {
					headers.put(key, String.join(", ", values));
				}
			});
			Map<String, String> query = new LinkedHashMap<>(handshake.query().toSingleValueMap());
			query.keySet().removeIf((name) -> HIDDEN_QUERY_PARAMETERS.contains(name.toLowerCase(Locale.ROOT)));
			int start = handshake.url().indexOf('?');
			String url = (start >= 0) ? handshake.url().substring(0, start) : handshake.url();
			return new HandshakeDescriptor(handshake.address(), handshake.time(), url, handshake.secure(),
					handshake.xdomain(), headers, query);
		}

	}

}
