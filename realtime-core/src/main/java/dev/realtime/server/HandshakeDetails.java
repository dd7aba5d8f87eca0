package dev.realtime.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Converts a handshake to and from the JSON shape Socket.IO nodes exchange for remote sockets. */
final class HandshakeDetails {

	private HandshakeDetails() {
	}

	static Map<String, Object> toDetails(Handshake handshake) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("headers", handshake.headers().toSingleValueMap());
		details.put("time", handshake.time().toString());
		details.put("address", handshake.address());
		details.put("xdomain", handshake.xdomain());
		details.put("secure", handshake.secure());
		details.put("issued", handshake.issued());
		details.put("url", handshake.url());
		details.put("query", handshake.query().toSingleValueMap());
		details.put("auth", handshake.auth());
		return details;
	}

	@SuppressWarnings("unchecked")
	static Handshake fromDetails(Map<String, Object> details) {
		HttpHeaders headers = new HttpHeaders();
		asMap(details.get("headers")).forEach((name, value) -> headers.add(name, String.valueOf(value)));
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		asMap(details.get("query")).forEach((name, value) -> query.put(name, List.of(String.valueOf(value))));
		Object issued = details.get("issued");
		Instant time = (issued instanceof Number millis) ? Instant.ofEpochMilli(millis.longValue()) : Instant.EPOCH;
		return new Handshake(headers, query, (Map<String, Object>) asMap(details.get("auth")),
				String.valueOf(details.getOrDefault("address", "")), time, String.valueOf(details.getOrDefault("url", "")),
				Boolean.TRUE.equals(details.get("secure")), Boolean.TRUE.equals(details.get("xdomain")), null, Map.of());
	}

	private static Map<String, ?> asMap(Object value) {
		return (value instanceof Map<?, ?> map) ? castKeys(map) : Map.of();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ?> castKeys(Map<?, ?> map) {
		return (Map<String, ?>) map;
	}

}
