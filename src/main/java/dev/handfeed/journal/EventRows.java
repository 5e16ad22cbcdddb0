package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

/** The insert of {@code events}, shared by everything that records news (hands, tournament results). */
final class EventRows {

    private EventRows() {
    }

    static PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement("INSERT INTO events (event_id, type, detected_at, payload) VALUES (?, ?, ?, ?)");
    }

    static void add(PreparedStatement insert, long eventId, String type, Instant detectedAt, String payload)
            throws SQLException {
        insert.setLong(1, eventId);
        insert.setString(2, type);
        insert.setObject(3, detectedAt.atOffset(ZoneOffset.UTC));
        insert.setString(4, payload);
        insert.addBatch();
    }
}
