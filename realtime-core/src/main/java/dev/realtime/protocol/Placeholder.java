package dev.realtime.protocol;

/**
 * Stands where a binary packet's JSON had {@code {"_placeholder":true,"num":N}} until attachment N arrives.
 *
 * @param num the index of the attachment
 */
record Placeholder(int num) {
}
