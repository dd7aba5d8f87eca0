package dev.realtime.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class OriginCheckTests {

	@Test
	void requestWithoutOriginIsAllowed() {
		assertThat(new OriginCheck(List.of()).isAllowed(request("http", "example.com", 80, null))).isTrue();
		assertThat(new OriginCheck(List.of("https://app.example")).isAllowed(request("http", "example.com", 80, null)))
			.isTrue();
	}

	@Test
	void noPatternsMeansSameOrigin() {
		OriginCheck check = new OriginCheck(List.of());
		assertThat(check.isAllowed(request("http", "example.com", 8080, "http://example.com:8080"))).isTrue();
		assertThat(check.isAllowed(request("http", "example.com", 80, "http://example.com"))).isTrue();
		assertThat(check.isAllowed(request("https", "example.com", 443, "https://EXAMPLE.com"))).isTrue();
		assertThat(check.isAllowed(request("http", "example.com", 8080, "http://example.com:9090"))).isFalse();
		assertThat(check.isAllowed(request("http", "example.com", 80, "https://example.com"))).isFalse();
		assertThat(check.isAllowed(request("http", "example.com", 80, "http://evil.example"))).isFalse();
		assertThat(check.isAllowed(request("http", "example.com", 80, "null"))).isFalse();
		assertThat(check.isAllowed(request("http", "example.com", 80, "::not a uri"))).isFalse();
	}

	@Test
	void valueThatIsNotAnOriginIsRefused() {
		for (OriginCheck check : new OriginCheck[] { new OriginCheck(List.of()), new OriginCheck(List.of("*")) }) {
			assertThat(check.isAllowed(request("http", "example.com", 80, "http://example.com/path"))).isFalse();
			assertThat(check.isAllowed(request("http", "example.com", 80, "http://example.com/"))).isFalse();
			assertThat(check.isAllowed(request("http", "example.com", 80, "http://user@example.com"))).isFalse();
			assertThat(check.isAllowed(request("http", "example.com", 80, "http://example.com?x"))).isFalse();
			assertThat(check.isAllowed(request("http", "x".repeat(400) + ".com", 80, "http://" + "x".repeat(400) + ".com")))
				.isFalse();
		}
	}

	@Test
	void wildcardAllowsAnyOrigin() {
		assertThat(new OriginCheck(List.of("*")).isAllowed(request("http", "example.com", 80, "http://evil.example")))
			.isTrue();
	}

	@Test
	void originPatterns() {
		OriginCheck check = new OriginCheck(List.of("https://*.example.com", "http://localhost:[*]"));
		assertThat(check.isAllowed(request("http", "api", 80, "https://app.example.com"))).isTrue();
		assertThat(check.isAllowed(request("http", "api", 80, "http://localhost:3000"))).isTrue();
		assertThat(check.isAllowed(request("http", "api", 80, "http://app.example.com"))).isFalse();
		assertThat(check.isAllowed(request("http", "api", 80, "https://example.org"))).isFalse();
	}

	@Test
	void sameOriginStaysAllowedBesidePatterns() {
		OriginCheck check = new OriginCheck(List.of("https://*.example.com"));
		assertThat(check.isAllowed(request("http", "localhost", 8080, "http://localhost:8080"))).isTrue();
		assertThat(check.isAllowed(request("http", "localhost", 8080, "http://localhost:9090"))).isFalse();
	}

	private static MockHttpServletRequest request(String scheme, String host, int port, String origin) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/socket.io/");
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		if (origin != null) {
			request.addHeader("Origin", origin);
		}
		return request;
	}

}
