package dev.handfeed.stats;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /ws/stats}. The first five components are the original contract, names and types fixed; the rest
 * are additions.
 */
@JsonbPropertyOrder({"activeConnections", "heartbeatInterval", "heartbeatActive", "broadcastWorkerActive", "queueSize",
    "connectionsOpened", "connectionsClosed", "messagesSent", "messagesDropped", "eventsDropped",
    "slowClientDisconnects", "deadPeerDisconnects", "errorsSent", "rejectedOrigins", "uptimeSeconds",
    "heapUsedBytes", "watcherActive", "watchedPaths", "handsDetected", "handsBroadcast", "parseErrors",
    "duplicatesSkipped", "historySkipped", "lastHandAt", "watcherRestarts", "streamId", "lastEventId",
    "replaysCompleted", "replaysFailed", "replayGaps", "eventsReplayed", "summaryParseErrors", "tournamentResults",
    "nodeId", "nodeRole", "eventLag"})
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
        long heapUsedBytes,
        boolean watcherActive,
        List<String> watchedPaths,
        long handsDetected,
        long handsBroadcast,
        long parseErrors,
        long duplicatesSkipped,
        long historySkipped,
        Instant lastHandAt,
        long watcherRestarts,
        String streamId,
        long lastEventId,
        long replaysCompleted,
        long replaysFailed,
        long replayGaps,
        long eventsReplayed,
        long summaryParseErrors,
        long tournamentResults,
        String nodeId,
        String nodeRole,
        long eventLag) {
}
