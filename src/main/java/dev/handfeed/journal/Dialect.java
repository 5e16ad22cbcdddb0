package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The few statements that differ between the embedded H2 journal and the shared PostgreSQL one. Everything else is
 * standard SQL that both accept. The H2 statements are those the journal has always used.
 */
enum Dialect {
    H2("MERGE INTO meta (name, val) KEY (name) VALUES (?, ?)",
            "MERGE INTO files (path, file_key, fingerprint, byte_offset, line) KEY (path) VALUES (?, ?, ?, ?, ?)",
            "", "CLOB", "VARCHAR(1000000)"),
    // Two publishers may meet the same hand (a student and a coach at one table): the first one's row stays.
    POSTGRES("INSERT INTO meta (name, val) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET val = EXCLUDED.val",
            "INSERT INTO files (path, file_key, fingerprint, byte_offset, line) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (path) DO UPDATE SET file_key = EXCLUDED.file_key,"
                    + " fingerprint = EXCLUDED.fingerprint, byte_offset = EXCLUDED.byte_offset, line = EXCLUDED.line",
            " ON CONFLICT DO NOTHING", "TEXT", "TEXT");

    private final String upsertMeta;
    private final String upsertFile;
    private final String skipConflict;
    private final String clob;
    private final String payload;

    Dialect(String upsertMeta, String upsertFile, String skipConflict, String clob, String payload) {
        this.upsertMeta = upsertMeta;
        this.upsertFile = upsertFile;
        this.skipConflict = skipConflict;
        this.clob = clob;
        this.payload = payload;
    }

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("postgres") ? POSTGRES : H2;
    }

    String upsertMeta() {
        return upsertMeta;
    }

    String upsertFile() {
        return upsertFile;
    }

    /** Appended to the inserts of hands and summary entries: empty on H2, whose single writer checks first. */
    String skipConflict() {
        return skipConflict;
    }

    /** Column types of the schema: a large text, and an event's JSON. */
    String clob() {
        return clob;
    }

    String payload() {
        return payload;
    }

    /** Deletes up to {@code chunk} events up to an id; PostgreSQL has no DELETE ... FETCH FIRST. */
    String deleteChunk(int chunk) {
        return this == H2
                ? "DELETE FROM events WHERE event_id <= ? FETCH FIRST " + chunk + " ROWS ONLY"
                : "DELETE FROM events WHERE event_id IN (SELECT event_id FROM events WHERE event_id <= ?"
                        + " ORDER BY event_id LIMIT " + chunk + ")";
    }
}
