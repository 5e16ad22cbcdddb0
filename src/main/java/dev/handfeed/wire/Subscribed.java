package dev.handfeed.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;
import java.util.Map;

/** The answer to {@code subscribe} (and to filters given on connecting): the filters in force, as understood. */
@JsonbPropertyOrder({"type", "filters", "timestamp"})
public record Subscribed(String type, Map<String, Object> filters, Instant timestamp) implements WireMessage {
    public Subscribed(Map<String, Object> filters, Instant timestamp) {
        this("subscribed", filters, timestamp);
    }
}
