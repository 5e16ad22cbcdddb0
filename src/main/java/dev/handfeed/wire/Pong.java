package dev.handfeed.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** The answer to a client's {@code {"type":"ping"}}: lets a client measure its own round trip. */
@JsonbPropertyOrder({"type", "timestamp"})
public record Pong(String type, Instant timestamp) implements WireMessage {
    public Pong(Instant timestamp) {
        this("pong", timestamp);
    }
}
