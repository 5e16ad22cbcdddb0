package dev.handfeed.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** First message on every connection; {@code client_id} is new for every connection. */
@JsonbPropertyOrder({"type", "clientId", "clientName", "timestamp"})
public record ConnectionAck(String type, String clientId, String clientName, Instant timestamp) {
    public ConnectionAck(String clientId, String clientName, Instant timestamp) {
        this("connection_ack", clientId, clientName, timestamp);
    }
}
