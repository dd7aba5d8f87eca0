package dev.realtime.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs in through the test application's form login, as a browser would before it opens a socket. */
final class FormLogin {

	private FormLogin() {
	}

	/** The session cookie ({@code JSESSIONID=...}) of a successful login. */
	static String sessionCookie(int port, String username, String password) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header(HttpHeaders.CONTENT_TYPE, "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue(HttpHeaders.LOCATION)).get().asString().doesNotContain("error");
		return response.headers().firstValue(HttpHeaders.SET_COOKIE).orElseThrow().split(";", 2)[0];
	}

}
