package dev.handfeed.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** The answer to a client frame the server cannot act on; the connection stays open. */
@JsonbPropertyOrder({"type", "message", "timestamp"})
public record ErrorMessage(String type, String message, Instant timestamp) implements WireMessage {
    public ErrorMessage(String message, Instant timestamp) {
        this("error", message, timestamp);
    }
}
