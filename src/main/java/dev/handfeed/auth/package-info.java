/**
 * Who may use the server, and how much: bearer tokens (AUTH_MODE=jwt, verified with nimbus-jose-jwt, the algorithm
 * pinned by the key's type), the servlet filter that refuses a request before anything answers it (HTTP 401, 403,
 * 429, 503), the caps on connections per address and in total, and a log of refusals that a flood cannot fill.
 */
package dev.handfeed.auth;
