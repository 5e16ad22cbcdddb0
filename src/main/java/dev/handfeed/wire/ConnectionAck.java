package dev.handfeed.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/**
 * First message on every connection; {@code client_id} is new for every connection. {@code stream_id} names the
 * journal the event ids belong to and {@code last_event_id} is its newest event: what a client needs to resume.
 */
@JsonbPropertyOrder({"type", "clientId", "clientName", "timestamp", "streamId", "lastEventId"})
public record ConnectionAck(String type, String clientId, String clientName, Instant timestamp, String streamId,
                            long lastEventId) implements WireMessage {
    public ConnectionAck(String clientId, String clientName, Instant timestamp, String streamId, long lastEventId) {
        this("connection_ack", clientId, clientName, timestamp, streamId, lastEventId);
    }
}
