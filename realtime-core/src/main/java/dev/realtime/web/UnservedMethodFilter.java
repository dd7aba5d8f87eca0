package dev.realtime.web;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
		boolean served = SERVED.contains(request.getMethod());
		chain.doFilter(served ? request : new HiddenHeaderRequest(request, HttpHeaders.CONTENT_TYPE), response);
	}

}
