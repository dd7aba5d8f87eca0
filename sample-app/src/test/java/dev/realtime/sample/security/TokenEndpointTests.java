package dev.realtime.sample.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint over HTTP: a failed login is answered with JSON for the page, and without the Basic challenge
 * that would open the browser's own login dialog.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenEndpointTests {

	@LocalServerPort
	private int port;

	@Test
	void aWrongPasswordIsRefusedWithoutABasicChallenge() throws Exception {
		HttpResponse<String> refused = post(HttpRequest.newBuilder(tokenEndpoint())
			.header("Authorization", basic("alice", "wrong")));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(refused.body()).isEqualTo("{\"message\":\"Wrong user name or password\"}");
	}

	@Test
	void aLoginWithoutCredentialsIsRefusedWithoutABasicChallenge() throws Exception {
		HttpResponse<String> refused = post(HttpRequest.newBuilder(tokenEndpoint()));
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(refused.body()).isEqualTo("{\"message\":\"Log in with a user name and password\"}");
	}

	@Test
	void theRightPasswordIssuesATokenUntilItExpires() throws Exception {
		HttpResponse<String> issued = post(HttpRequest.newBuilder(tokenEndpoint())
			.header("Authorization", basic("bob", "bob")));
		assertThat(issued.statusCode()).isEqualTo(200);
		// the page keeps the login until then
		assertThat(issued.body()).contains("\"username\":\"bob\"").containsPattern("\"expiresAt\":\"[0-9-]+T[0-9:.]+Z\"");
	}

	private URI tokenEndpoint() {
		return URI.create("http://localhost:" + this.port + "/api/token");
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
	}

	private static HttpResponse<String> post(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient()
			.send(request.POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
	}

}
