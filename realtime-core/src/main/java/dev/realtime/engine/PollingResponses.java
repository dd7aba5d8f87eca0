package dev.realtime.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of long-polling: reading a POST body within the payload limit and writing payloads, immediately
 * or to a held GET.
 */
final class PollingResponses {

	private static final Logger logger = LoggerFactory.getLogger(PollingResponses.class);

	private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

	private PollingResponses() {
	}

	/** Reads a request body, or returns {@code null} as soon as it exceeds {@code maxPayload} bytes. */
	static byte @Nullable [] read(InputStream in, long maxPayload) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		int count;
		while ((count = in.read(chunk)) != -1) {
			out.write(chunk, 0, count);
			if (out.size() > maxPayload) {
				return null;
			}
		}
		return out.toByteArray();
	}

	static void write(HttpServletResponse response, List<? extends EngineFrame> frames) throws IOException {
		byte[] payload = EngineCodec.encodePayload(frames).getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/plain; charset=UTF-8");
		response.setContentLength(payload.length);
		response.getOutputStream().write(payload);
	}

	/** Acknowledges a POST. */
	static void writeOk(HttpServletResponse response) throws IOException {
		// text/html rather than text/plain, like the reference server: some user agents offer text/plain as a download
		response.setContentType("text/html");
		response.setContentLength(OK.length);
		response.getOutputStream().write(OK);
	}

	/** Answers a held GET with a payload. */
	static void complete(AsyncContext poll, List<? extends EngineFrame> frames) {
		try {
			write((HttpServletResponse) poll.getResponse(), frames);
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Could not answer a held poll", ex);
		}
		finish(poll);
	}

	/** Answers a held GET with an error. */
	static void refuse(AsyncContext poll, EngineError error) {
		try {
			error.write((HttpServletResponse) poll.getResponse());
		}
		catch (IOException | IllegalStateException ex) {
			logger.debug("Could not refuse a held poll", ex);
		}
		finish(poll);
	}

	private static void finish(AsyncContext poll) {
		try {
			poll.complete();
		}
		catch (IllegalStateException ex) {
			logger.debug("Held poll already ended", ex);
		}
	}

}
