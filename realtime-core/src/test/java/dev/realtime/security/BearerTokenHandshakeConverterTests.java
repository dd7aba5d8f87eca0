package dev.realtime.security;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.realtime.server.Handshake;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the default converter looks for a bearer token, and in which order. */
class BearerTokenHandshakeConverterTests {

	private final BearerTokenHandshakeConverter converter = new BearerTokenHandshakeConverter();

	@Test
	void prefersTheAuthPayloadOverTheAuthorizationHeader() {
		assertThat(token(handshake(Map.of("token", "from-auth"), "Bearer from-header", null))).isEqualTo("from-auth");
		assertThat(token(handshake(Map.of(), "bearer from-header", null))).isEqualTo("from-header");
	}

	@Test
	void ignoresOtherAuthorizationSchemesAndEmptyTokens() {
		assertThat(this.converter.convert(handshake(Map.of(), "Basic ZGF2ZTpzZWNyZXQ=", null))).isNull();
		assertThat(this.converter.convert(handshake(Map.of("token", ""), null, null))).isNull();
	}

	@Test
	void readsTheQueryParameterOnlyWhenAllowed() {
		Handshake handshake = handshake(Map.of(), null, "from-query");
		assertThat(this.converter.convert(handshake)).isNull();
		this.converter.setAllowQueryParameter(true);
		assertThat(token(handshake)).isEqualTo("from-query");
	}

	private String token(Handshake handshake) {
		Authentication request = this.converter.convert(handshake);
		assertThat(request).isInstanceOf(HandshakeBearerToken.class);
		assertThat(request.isAuthenticated()).isFalse();
		return ((HandshakeBearerToken) request).getToken();
	}

	private static Handshake handshake(Map<String, Object> auth, String authorization, String accessToken) {
		HttpHeaders headers = new HttpHeaders();
		if (authorization != null) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (accessToken != null) {
			query.add("access_token", accessToken);
		}
		return new Handshake(headers, query, auth, "127.0.0.1", Instant.now(), "/socket.io/", false, false, null, Map.of());
	}

}
