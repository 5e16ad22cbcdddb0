/**
 * Prometheus metrics: the meter registry every component records into, {@code GET /metrics} in the Prometheus text
 * and OpenMetrics formats, the JVM and process meters, and the small helpers that keep the hand path cheap (the
 * type of a frame read from its first bytes, its UTF-8 size counted once per text). Label values always come from
 * closed sets: never a client name, a hand id or a file. Also says at start-up when the server's own
 * {@code /health} or {@code /metrics} hides the application's.
 */
package dev.handfeed.metrics;
