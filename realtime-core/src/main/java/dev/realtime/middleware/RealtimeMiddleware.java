package dev.realtime.middleware;

/**
 * What every middleware line extends. A bean may implement several lines and is registered in each (the
 * collaboration server's "batch registration"); beans run in {@code @Order} order, unordered ones last.
 */
public interface RealtimeMiddleware {

}
