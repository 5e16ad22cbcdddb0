/**
 * The load tool: N real WebSocket clients against a running server, measuring connect time, server heap per
 * connection, heartbeat spread and end-to-end hand latency. A benchmark, run by hand (see docs/benchmarks.md).
 */
package dev.handfeed.load;
