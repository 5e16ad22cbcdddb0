/**
 * Heartbeats: a non-persistent EJB timer sends {@code heartbeat} to every client each HEARTBEAT_INTERVAL seconds;
 * the pings that confirm it was read also find peers that vanished (see {@code live.StalledSendGuard}).
 */
package dev.handfeed.heartbeat;
