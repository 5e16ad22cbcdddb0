/**
 * Heartbeats: a non-persistent EJB timer sends {@code heartbeat} to every client each HEARTBEAT_INTERVAL seconds,
 * pings them, and releases connections whose peer stopped answering.
 */
package dev.handfeed.heartbeat;
