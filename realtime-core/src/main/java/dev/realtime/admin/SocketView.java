package dev.realtime.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;

import dev.realtime.server.Handshake;
import dev.realtime.server.RealtimeSocket;
import dev.realtime.server.RemoteSocket;

/**
 * A socket as the Admin UI shows it: the shape {@code @socket.io/admin-ui} serializes. The connection's id and
 * transport travel in the socket's {@value #ADMIN} attribute, so that sockets of other nodes carry them too; the
 * handshake goes without its {@code auth} payload, cookies and {@code Authorization} header.
 */
final class SocketView {

	/** The attribute that holds what the UI needs of a socket's connection, as in the Node implementation. */
	static final String ADMIN = "_admin";

	private static final Set<String> HIDDEN_HEADERS = Set.of("cookie", "authorization");

	private SocketView() {
	}

	/** Records the connection's id (its first 12 characters, as the UI shows it) and transport on the socket. */
	static void remember(RealtimeSocket socket) {
		Map<String, Object> admin = new LinkedHashMap<>();
		admin.put("clientId", socket.connectionId().substring(0, Math.min(12, socket.connectionId().length())));
		admin.put("transport", socket.transport());
		socket.attributes().put(ADMIN, admin);
	}

	static Map<String, Object> of(RemoteSocket socket, String namespace) {
		Map<?, ?> admin = (socket.attributes().get(ADMIN) instanceof Map<?, ?> map) ? map : Map.of();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", socket.id());
		view.put("clientId", admin.get("clientId"));
		view.put("transport", admin.get("transport"));
		view.put("nsp", namespace);
		view.put("data", data(socket.attributes()));
		view.put("handshake", handshake(socket.handshake()));
		view.put("rooms", new ArrayList<>(socket.rooms()));
		return view;
	}

	private static Map<String, Object> handshake(Handshake handshake) {
		Map<String, Object> view = new LinkedHashMap<>();
		HttpHeaders headers = handshake.headers();
		String forwarded = (headers.getFirst("cf-connecting-ip") != null) ? headers.getFirst("cf-connecting-ip")
				: headers.getFirst("x-forwarded-for");
		view.put("address", (forwarded != null) ? forwarded : handshake.address());
		Map<String, String> shown = new LinkedHashMap<>();
		headers.forEach((name, values) -> {
			if (!HIDDEN_HEADERS.contains(name.toLowerCase())) {
				shown.put(name.toLowerCase(), String.join(", ", values));
			}
		});
		view.put("headers", shown);
		view.put("query", handshake.query().toSingleValueMap());
		view.put("issued", handshake.issued());
		view.put("secure", handshake.secure());
		view.put("time", handshake.time().toString());
		view.put("url", handshake.url());
		view.put("xdomain", handshake.xdomain());
		return view;
	}

	/** The attributes that are plain JSON values, without {@value #ADMIN}: nothing the UI cannot show. */
	private static Map<String, Object> data(Map<String, Object> attributes) {
		Map<String, Object> data = new LinkedHashMap<>();
		attributes.forEach((name, value) -> {
			if (!ADMIN.equals(name) && isJson(value)) {
				data.put(name, value);
			}
		});
		return data;
	}

	private static boolean isJson(Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return true;
		}
		if (value instanceof Map<?, ?> map) {
			return map.keySet().stream().allMatch(String.class::isInstance) && map.values().stream().allMatch(SocketView::isJson);
		}
		return value instanceof List<?> list && list.stream().allMatch(SocketView::isJson);
	}

}
