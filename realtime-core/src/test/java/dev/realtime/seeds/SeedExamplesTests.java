package dev.realtime.seeds;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import dev.realtime.server.ChatController;
import dev.realtime.support.NodeClient;
import dev.realtime.support.RealtimeTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every middleware example of the documents the product was specified from, server side in Java, client side with
 * the official JavaScript client as those documents write it ({@code seeds.js}).
 */
@SpringBootTest(classes = RealtimeTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import({ SocketIoSeedExamples.class, CollaborationAndClusterSeedExamples.class, ChatController.class })
class SeedExamplesTests {

	@LocalServerPort
	int port;

	@Autowired
	SeedTrace trace;

	private JsonNode scenario(String name) {
		return NodeClient.run("seeds.js", "http://localhost:" + this.port, Map.of("scenario", name));
	}

	@Test
	void ioUseRefusesInvalidRequests() {
		JsonNode result = scenario("valid");
		assertThat(result.at("/invalid/connected").asBoolean()).isFalse();
		assertThat(result.at("/invalid/error/message").asString()).isEqualTo("invalid");
		assertThat(result.at("/valid/connected").asBoolean()).isTrue();
	}

	@Test
	void laterMiddlewareDoesNotRunAfterAnError() {
		JsonNode result = scenario("chain");
		assertThat(result.at("/error/message").asString()).isEqualTo("thou shall not pass");
		assertThat(this.trace.startingWith("chain")).containsExactly("chain first", "chain second");
	}

	@Test
	void aClientThatLeftIsNeverConnectedNorDisconnected() throws Exception {
		JsonNode result = scenario("leaves");
		assertThat(result.at("/connected").asBoolean()).isFalse();
		assertThat(this.trace.startingWith("slow")).isEmpty();
	}

	@Test
	void credentialsArriveAsTheHandshakeAuthObject() {
		JsonNode result = scenario("credentials");
		assertThat(result.at("/tokens/0").asString()).isEqualTo("abc");
		assertThat(result.at("/tokens/1").asString()).isEqualTo("abc");
	}

	@Test
	void errorDataReachesTheClient() {
		JsonNode result = scenario("details");
		assertThat(result.at("/error/isError").asBoolean()).isTrue();
		assertThat(result.at("/error/message").asString()).isEqualTo("not authorized");
		assertThat(result.at("/error/data/content").asString()).isEqualTo("Please retry later");
	}

	@Test
	void engineMiddlewareSeesEveryRequestAndCanGuardTheHandshakeOnly() {
		JsonNode result = scenario("engine");
		assertThat(result.at("/refused/connected").asBoolean()).isFalse();
		assertThat(result.at("/admitted/connected").asBoolean()).isTrue();
		assertThat(result.at("/transport").asString()).isEqualTo("websocket");
		assertThat(result.at("/echoed").asInt()).isEqualTo(3);
		assertThat(this.trace.startingWith("engine")).contains("engine polling handshake", "engine polling",
				"engine websocket");
	}

	@Test
	void collaborationServerMiddlewareRunsInOrderBeforeTheHooks() {
		JsonNode result = scenario("collab");
		assertThat(result.at("/connect/connected").asBoolean()).isTrue();
		assertThat(result.at("/messageAck").asString()).isEqualTo("received");
		assertThat(result.at("/shortCircuited/message").asString()).isEqualTo("Blocked");
		assertThat(result.at("/failing/error/message").asString()).isEqualTo("test middleware error");
		assertThat(this.trace.startingWith("collab ")).containsExactly("collab Middleware1", "collab Middleware2",
				"collab Middleware3", "collab Hook", "collab message Middleware1 [{text=hi}]",
				"collab message Middleware2", "collab message Hook", "collab message Middleware1 [{text=stop}]",
				"collab message Middleware2");
		assertThat(this.trace.startingWith("collab-error")).containsExactly("collab-error Middleware1",
				"collab-error Middleware2");
	}

	@Test
	void socketClusterLinesGuardChannelsAndEvents() {
		JsonNode result = scenario("cluster");
		assertThat(result.at("/subscribeDenied/code").asInt()).isEqualTo(1234);
		assertThat(result.at("/subscribeDenied/message").asString()).endsWith("cannot subscribe to channel private");
		assertThat(result.at("/subscribeSilent/blocked").asBoolean()).isTrue();
		assertThat(result.at("/subscribed/0").isNull()).isTrue();
		assertThat(result.at("/publishDenied/message").asString()).endsWith("cannot publish channel readonly");
		assertThat(result.at("/published").isNull()).isTrue();
		assertThat(result.at("/bobReceived/channel").asString()).isEqualTo("news");
		assertThat(result.at("/bobReceived/data").asString()).isEqualTo("hello");
		assertThat(result.at("/annEcho").isNull()).isTrue();
		assertThat(result.at("/emitDenied/message").asString()).endsWith("is not allowed to emit event shout");
	}

}
