package dev.realtime.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.socket.client.Ack;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts between the values of the Java client ({@code org.json} objects and arrays) and plain Java ones: maps,
 * lists, strings, numbers, booleans, null, and {@code byte[]} for binary data, which both sides keep as it is.
 */
final class JsonValues {

	private JsonValues() {
	}

	/** Plain Java values, records and other objects (through the mapper) as the client sends them. */
	static Object[] toClient(Object[] args, JsonMapper mapper) {
		Object[] converted = new Object[args.length];
		for (int i = 0; i < args.length; i++) {
			converted[i] = toClient(args[i], mapper);
		}
		return converted;
	}

	private static Object toClient(@Nullable Object value, JsonMapper mapper) {
		if (value == null) {
			return JSONObject.NULL;
		}
		if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof byte[]
				|| value instanceof JSONObject || value instanceof JSONArray) {
			return value;
		}
		if (value instanceof Map<?, ?> map) {
			JSONObject object = new JSONObject();
			map.forEach((key, item) -> put(object, String.valueOf(key), toClient(item, mapper)));
			return object;
		}
		if (value instanceof Collection<?> items) {
			JSONArray array = new JSONArray();
			items.forEach((item) -> array.put(toClient(item, mapper)));
			return array;
		}
		if (value instanceof Object[] items) {
			return toClient(Arrays.asList(items), mapper);
		}
		return toClient(mapper.convertValue(value, Object.class), mapper);
	}

	private static void put(JSONObject object, String key, Object value) {
		try {
			object.put(key, value);
		}
		catch (JSONException ex) {
			throw new IllegalArgumentException("Cannot send " + value + " as \"" + key + "\": " + ex.getMessage(), ex);
		}
	}

	/** What the client received as plain Java values; an acknowledgement the server asks for stays an {@link Ack}. */
	static List<Object> fromClient(Object[] args) {
		List<Object> converted = new ArrayList<>(args.length);
		for (Object arg : args) {
			converted.add(fromClient(arg));
		}
		return converted;
	}

	static @Nullable Object fromClient(@Nullable Object value) {
		if (value == null || JSONObject.NULL.equals(value)) {
			return null;
		}
		if (value instanceof JSONObject object) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (Iterator<?> keys = object.keys(); keys.hasNext();) {
				String key = (String) keys.next();
				map.put(key, fromClient(object.opt(key)));
			}
			return map;
		}
		if (value instanceof JSONArray array) {
			List<Object> list = new ArrayList<>(array.length());
			for (int i = 0; i < array.length(); i++) {
				list.add(fromClient(array.opt(i)));
			}
			return list;
		}
		return value;
	}

}
