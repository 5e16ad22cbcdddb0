/**
 * Operational answers over HTTP: {@code GET /ws/stats} (the contract's five fields, then counters) and
 * {@code GET /health} (UP with 200, or DOWN with 503 and the reasons).
 */
package dev.handfeed.stats;
