package dev.realtime.benchmarks.client;

/**
 * Receives the frames of a connection that the generator does not answer itself, on the generator's I/O thread.
 */
@FunctionalInterface
public interface FrameListener {

	FrameListener IGNORE = (connection, frame) -> {
	};

	void onFrame(Connection connection, String frame);

}
