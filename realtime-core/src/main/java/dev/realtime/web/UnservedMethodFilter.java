package dev.realtime.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * Hides the content type of a request to the endpoint whose method Engine.IO does not serve (anything but GET, POST
 * and OPTIONS), so that no filter reads its body before the endpoint refuses it: Spring's {@code FormContentFilter}
 * parses the body of a form-encoded PUT, PATCH or DELETE, and answers a malformed one with a 500. Map it to the
 * endpoint's path with {@link #ORDER}.
 */
public class UnservedMethodFilter extends HttpFilter {

	/** Ahead of Spring Boot's filters that wrap requests or read their bodies ({@code FormContentFilter}: -9900). */
	public static final int ORDER = -10_000;

	private static final Set<String> SERVED = Set.of("GET", "POST", "OPTIONS");

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		chain.doFilter(SERVED.contains(request.getMethod()) ? request : new UntypedRequest(request), response);
	}

	/** A request without a content type. */
	private static final class UntypedRequest extends HttpServletRequestWrapper {

		UntypedRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getContentType() {
			return null;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return isContentType(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isContentType(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		private static boolean isContentType(String name) {
			return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name);
		}

	}

}
