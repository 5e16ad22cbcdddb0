package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Collection;

/** The SQL of {@code summary_entries}, on the journal's connection and inside its transactions. */
final class SummaryRows {

    private SummaryRows() {
    }

    static boolean contains(Connection connection, String key) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM summary_entries WHERE entry_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts the entries and their events; returns the newest event id among them, 0 when none is an event. */
    static long insert(Connection connection, Collection<SummaryRecord> records) throws SQLException {
        Dialect dialect = Dialect.of(connection);
        boolean shared = dialect == Dialect.POSTGRES;
        long newest = 0;
        try (PreparedStatement entry = connection.prepareStatement(
                "INSERT INTO summary_entries (entry_key, event_id, file, detected_at) VALUES (?, ?, ?, ?)"
                        + dialect.skipConflict());
             PreparedStatement event = EventRows.prepare(connection)) {
            for (SummaryRecord r : records) {
                entry.setString(1, r.key());
                entry.setObject(2, r.eventId());
                entry.setString(3, r.file());
                entry.setObject(4, r.detectedAt().atOffset(ZoneOffset.UTC));
                boolean stored = true;
                if (shared) {
                    stored = entry.executeUpdate() == 1; // another publisher's entry stays, and is sent once
                } else {
                    entry.addBatch();
                }
                if (stored && r.eventId() != null) {
                    EventRows.add(event, r.eventId(), r.type(), r.detectedAt(), r.payload());
                    newest = Math.max(newest, r.eventId());
                }
            }
            if (!shared) {
                entry.executeBatch();
            }
            if (newest > 0) {
                event.executeBatch();
            }
        }
        return newest;
    }
}
