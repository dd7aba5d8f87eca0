package dev.realtime.engine;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of an Engine.IO request. Parsed by hand: the servlet's own parameter parsing would read a
 * form-encoded POST body. Decoded as leniently as Node's {@code querystring}, which the reference server uses: a
 * malformed escape such as {@code %zz} stays as it is, and bytes that are not UTF-8 become replacement characters.
 */
public final class EngineQuery {

	private final MultiValueMap<String, String> parameters;

	private EngineQuery(MultiValueMap<String, String> parameters) {
		this.parameters = parameters;
	}

	public static EngineQuery parse(@Nullable String rawQuery) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		if (rawQuery != null) {
			int start = 0;
			while (start <= rawQuery.length()) {
				int end = rawQuery.indexOf('&', start);
				if (end == -1) {
					end = rawQuery.length();
				}
				if (end > start) {
					int equals = rawQuery.indexOf('=', start);
					if (equals == -1 || equals > end) {
						parameters.add(decode(rawQuery.substring(start, end)), "");
					}
					else {
						parameters.add(decode(rawQuery.substring(start, equals)), decode(rawQuery.substring(equals + 1, end)));
					}
				}
				start = end + 1;
			}
		}
		return new EngineQuery(parameters);
	}

	private static String decode(String value) {
		if (value.indexOf('%') == -1 && value.indexOf('+') == -1) {
			return value;
		}
		byte[] raw = value.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length);
		for (int i = 0; i < raw.length; i++) {
			int high = (raw[i] == '%' && i + 2 < raw.length) ? Character.digit(raw[i + 1], 16) : -1;
			int low = (high != -1) ? Character.digit(raw[i + 2], 16) : -1;
			if (low != -1) {
				decoded.write(high * 16 + low);
				i += 2;
			}
			else {
				decoded.write((raw[i] == '+') ? ' ' : raw[i]);
			}
		}
		return decoded.toString(StandardCharsets.UTF_8);
	}

	public @Nullable String get(String name) {
		return this.parameters.getFirst(name);
	}

	public @Nullable String sid() {
		return get("sid");
	}

	public @Nullable String transport() {
		return get("transport");
	}

	public @Nullable String protocol() {
		return get("EIO");
	}

	public MultiValueMap<String, String> parameters() {
		return this.parameters;
	}

}
