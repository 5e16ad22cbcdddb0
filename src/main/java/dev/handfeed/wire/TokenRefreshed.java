package dev.handfeed.wire;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import java.time.Instant;

/** The answer to a client's {@code refresh}: the new token is in force, until {@code expires_at}. */
@JsonbPropertyOrder({"type", "expiresAt", "timestamp"})
public record TokenRefreshed(String type, Instant expiresAt, Instant timestamp) implements WireMessage {
    public TokenRefreshed(Instant expiresAt, Instant timestamp) {
        this("token_refreshed", expiresAt, timestamp);
    }
}
