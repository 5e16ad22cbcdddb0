package dev.handfeed.stats;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * {@code GET /ws/stats}. The first five components are the original contract, names and types fixed; the rest
 * are additions.
 */
@JsonbPropertyOrder({"activeConnections", "heartbeatInterval", "heartbeatActive", "broadcastWorkerActive", "queueSize",
    "connectionsOpened", "connectionsClosed", "messagesSent", "messagesDropped", "eventsDropped",
    "slowClientDisconnects", "deadPeerDisconnects", "errorsSent", "rejectedOrigins", "uptimeSeconds",
    "heapUsedBytes"})
public record Stats(
        int activeConnections,
        int heartbeatInterval,
        boolean heartbeatActive,
        boolean broadcastWorkerActive,
        int queueSize,
        long connectionsOpened,
        long connectionsClosed,
        long messagesSent,
        long messagesDropped,
        long eventsDropped,
        long slowClientDisconnects,
        long deadPeerDisconnects,
        long errorsSent,
        long rejectedOrigins,
        long uptimeSeconds,
        long heapUsedBytes) {
}
