/**
 * Operational answers over HTTP: {@code GET /ws/stats} (the contract's five fields, then counters) and
 * {@code GET /health} (UP with 200, or DOWN with 503 and the reasons). The same checks are also registered as
 * MicroProfile Health checks, for a server that answers {@code /health} itself.
 */
package dev.handfeed.stats;
