package dev.realtime.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * Answers a disconnection over HTTP with 204, or 404 when this node has no such socket (a delete operation that
 * returns nothing would answer 204 either way).
 */
@EndpointWebExtension(endpoint = RealtimeEndpoint.class)
public class RealtimeEndpointWebExtension {

	private final RealtimeEndpoint endpoint;

	public RealtimeEndpointWebExtension(RealtimeEndpoint endpoint) {
		this.endpoint = endpoint;
	}

	@DeleteOperation
	public WebEndpointResponse<Void> disconnect(@Selector String collection, @Selector String id) {
		return new WebEndpointResponse<>(this.endpoint.disconnect(collection, id) ? WebEndpointResponse.STATUS_NO_CONTENT
				: WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
