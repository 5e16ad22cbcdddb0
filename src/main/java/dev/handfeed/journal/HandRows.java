package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;

/** The SQL of {@code hands} and {@code files}, on the journal's connection and inside its transactions. */
final class HandRows {

    private HandRows() {
    }

    static boolean contains(Connection connection, String handId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM hands WHERE hand_id = ?")) {
            s.setString(1, handId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    static Optional<FilePosition> position(Connection connection, String file) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT file_key, fingerprint, byte_offset, line FROM files WHERE path = ?")) {
            s.setString(1, file);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new FilePosition(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Inserts the hands, their events and the file's position; returns the newest event id, 0 when none. On a
     * shared journal a hand another publisher stored meanwhile is skipped, and so is its event: stored and sent once.
     */
    static long insert(Connection connection, String file, FilePosition position, Collection<JournalEntry> entries)
            throws SQLException {
        Dialect dialect = Dialect.of(connection);
        boolean shared = dialect == Dialect.POSTGRES;
        long newest = 0;
        boolean events = false;
        try (PreparedStatement hand = connection.prepareStatement(
                "INSERT INTO hands (hand_id, event_id, file, detected_at) VALUES (?, ?, ?, ?)" + dialect.skipConflict());
             PreparedStatement event = EventRows.prepare(connection);
             PreparedStatement pos = connection.prepareStatement(dialect.upsertFile())) {
            for (JournalEntry e : entries) {
                hand.setString(1, e.handId());
                hand.setObject(2, e.eventId());
                hand.setString(3, e.file());
                hand.setObject(4, e.detectedAt().atOffset(ZoneOffset.UTC));
                boolean stored = true;
                if (shared) {
                    stored = hand.executeUpdate() == 1;
                } else {
                    hand.addBatch();
                }
                if (stored && e.eventId() != null) {
                    EventRows.add(event, e.eventId(), e.type(), e.detectedAt(), e.payload());
                    newest = Math.max(newest, e.eventId());
                    events = true;
                }
            }
            if (!shared && !entries.isEmpty()) {
                hand.executeBatch();
            }
            if (events) {
                event.executeBatch();
            }
            pos.setString(1, file);
            pos.setString(2, position.fileKey());
            pos.setString(3, position.fingerprint());
            pos.setLong(4, position.offset());
            pos.setLong(5, position.line());
            pos.executeUpdate();
        }
        return newest;
    }
}
