/**
 * The browser side served by the WAR: the live session page ({@code GET /}, {@code /?overlay=1}), its scripts and
 * styles, the client library {@code /handfeed-client.js} and the vendored chart library, all static files of the
 * WAR. JAX-RS owns the context root (so that {@code /ws/stats} and {@code /health} keep their URLs on every server),
 * which is why a resource hands these files out instead of the container's default servlet.
 */
package dev.handfeed.page;
