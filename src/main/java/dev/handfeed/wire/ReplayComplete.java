package dev.handfeed.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/**
 * Ends a replay: the events from {@code from_event_id} to {@code to_event_id} were considered and {@code count}
 * of them sent; what follows is live. An empty range ({@code from > to}) means nothing was there to replay.
 */
@JsonbPropertyOrder({"type", "fromEventId", "toEventId", "count", "timestamp"})
public record ReplayComplete(String type, long fromEventId, long toEventId, long count, Instant timestamp)
        implements WireMessage {
    public ReplayComplete(long fromEventId, long toEventId, long count, Instant timestamp) {
        this("replay_complete", fromEventId, toEventId, count, timestamp);
    }
}
