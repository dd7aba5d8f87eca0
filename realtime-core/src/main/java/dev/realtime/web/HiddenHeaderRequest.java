package dev.realtime.web;

import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * A request that does not show one of its headers to the code it is handed to, which reads the headers itself.
 */
final class HiddenHeaderRequest extends HttpServletRequestWrapper {

	private final String hidden;

	HiddenHeaderRequest(HttpServletRequest request, String hidden) {
		super(request);
		this.hidden = hidden;
	}

	@Override
	public @Nullable String getContentType() {
		return isHidden(HttpHeaders.CONTENT_TYPE) ? null : super.getContentType();
	}

	@Override
	public @Nullable String getHeader(String name) {
		return isHidden(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return isHidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections.enumeration(Collections.list(super.getHeaderNames())
			.stream()
			.filter((name) -> !isHidden(name))
			.toList());
	}

	private boolean isHidden(String name) {
		return this.hidden.equalsIgnoreCase(name);
	}

}
