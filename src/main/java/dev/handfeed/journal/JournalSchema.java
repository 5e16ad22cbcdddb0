package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The journal's tables; created on first use, kept compatible afterwards. */
final class JournalSchema {

    private JournalSchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS meta (name VARCHAR(512) PRIMARY KEY, val VARCHAR(1024))");
            s.execute("CREATE TABLE IF NOT EXISTS files (path VARCHAR(4096) PRIMARY KEY, file_key VARCHAR(512),"
                    + " fingerprint VARCHAR(128), byte_offset BIGINT NOT NULL, line BIGINT NOT NULL)");
            // event_id is null for hands that were history when first seen; payload keeps the message as sent,
            // for replay.
            s.execute("CREATE TABLE IF NOT EXISTS hands (hand_id VARCHAR(128) PRIMARY KEY, event_id BIGINT UNIQUE,"
                    + " file VARCHAR(4096), detected_at TIMESTAMP WITH TIME ZONE NOT NULL, payload CLOB)");
        }
    }
}
