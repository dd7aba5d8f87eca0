package dev.realtime.benchmarks.scenario;

/**
 * A client that joins the broadcast room and then takes nothing more of what the server sends it.
 */
interface NonReader extends AutoCloseable {

	/** Connects, joins the broadcast room and stops taking what the server sends. */
	void joinAndStop(Target target) throws Exception;

	/** Once the broadcast is over: whether the server has closed the connection meanwhile. */
	boolean closedByServer() throws Exception;

	@Override
	void close();

}
