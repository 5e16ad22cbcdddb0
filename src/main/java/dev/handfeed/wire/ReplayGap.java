package dev.handfeed.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** Sent before a replay that cannot give everything after the requested event id, saying why. */
@JsonbPropertyOrder({"type", "reason", "requestedEventId", "firstAvailableEventId", "timestamp"})
public record ReplayGap(String type, String reason, long requestedEventId, long firstAvailableEventId,
                        Instant timestamp) implements WireMessage {

    /** The closed set of reasons, as written on the wire. */
    public enum Reason {
        /** The requested events are older than the oldest kept one; what is kept is replayed. */
        RETENTION("retention"),
        /** The client's stream id is not this journal's (the data folder was wiped, or another server). */
        UNKNOWN_STREAM("unknown_stream"),
        /** The requested id is above the newest one: the client followed another server. */
        FUTURE_EVENT_ID("future_event_id");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public ReplayGap(Reason reason, long requestedEventId, long firstAvailableEventId, Instant timestamp) {
        this("replay_gap", reason.wire(), requestedEventId, firstAvailableEventId, timestamp);
    }
}
