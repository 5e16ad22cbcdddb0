package dev.handfeed.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** Sent to every client every HEARTBEAT_INTERVAL seconds. */
@JsonbPropertyOrder({"type", "timestamp"})
public record Heartbeat(String type, Instant timestamp) implements WireMessage {
    public Heartbeat(Instant timestamp) {
        this("heartbeat", timestamp);
    }
}
