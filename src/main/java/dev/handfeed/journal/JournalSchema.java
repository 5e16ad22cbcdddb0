package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The journal's tables, created on first use and upgraded in place. Version 1 kept each sent message in
 * {@code hands.payload}; version 2 keeps every event in {@code events}, the store that clients resume from, so that
 * events can be purged while the hand ids stay (they are what stops a rewritten hand from going out twice).
 * Version 3 adds {@code summary_entries}: the tournament summary entries dealt with, which do for summaries what
 * hand ids do for hands. Later versions are {@link JournalMigrations}'; this code still brings an older H2 journal
 * to version 3, where they take over.
 */
final class JournalSchema {

    static final int VERSION = 3;
    private static final Logger LOG = Logger.getLogger(JournalSchema.class.getName());

    private JournalSchema() {
    }

    static void createOrUpgrade(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS meta (name VARCHAR(512) PRIMARY KEY, val VARCHAR(1024))");
            s.execute("CREATE TABLE IF NOT EXISTS files (path VARCHAR(4096) PRIMARY KEY, file_key VARCHAR(512),"
                    + " fingerprint VARCHAR(128), byte_offset BIGINT NOT NULL, line BIGINT NOT NULL)");
            // event_id is null for hands that were history when first seen.
            s.execute("CREATE TABLE IF NOT EXISTS hands (hand_id VARCHAR(128) PRIMARY KEY, event_id BIGINT UNIQUE,"
                    + " file VARCHAR(4096), detected_at TIMESTAMP WITH TIME ZONE NOT NULL, payload CLOB)");
            s.execute("CREATE TABLE IF NOT EXISTS events (event_id BIGINT PRIMARY KEY, type VARCHAR(64) NOT NULL,"
                    + " detected_at TIMESTAMP WITH TIME ZONE NOT NULL, payload VARCHAR(1000000) NOT NULL)");
        }
        int version = Integer.parseInt(Meta.read(connection, "schema_version").orElse("1"));
        if (version < 2) {
            upgradeTo2(connection);
        }
        if (version < 3) {
            upgradeTo3(connection, version);
        }
        if (Meta.read(connection, "stream_id").isEmpty()) {
            Meta.write(connection, "stream_id", UUID.randomUUID().toString());
        }
    }

    /** Moves every message kept in {@code hands.payload} into {@code events}, once. */
    private static void upgradeTo2(Connection connection) throws SQLException {
        int moved;
        try (Statement s = connection.createStatement()) {
            moved = s.executeUpdate("INSERT INTO events (event_id, type, detected_at, payload)"
                    + " SELECT event_id, 'new_hand', detected_at, payload FROM hands"
                    + " WHERE event_id IS NOT NULL AND payload IS NOT NULL");
            s.executeUpdate("UPDATE hands SET payload = NULL WHERE payload IS NOT NULL");
        }
        Meta.write(connection, "schema_version", "2");
        if (moved > 0) {
            LOG.info(() -> "Journal upgraded to version 2: " + moved + " event(s) kept for replay");
        }
    }

    /**
     * Adds {@code summary_entries}. Its key is the entry's own identity (tournament id, entry, player; or the place
     * of an unreadable block), not an event id: events are purged, and a summary rewritten after its event was
     * purged must still not go out again. {@code event_id} is null for entries that were never sent.
     */
    private static void upgradeTo3(Connection connection, int from) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS summary_entries (entry_key VARCHAR(8192) PRIMARY KEY,"
                    + " event_id BIGINT UNIQUE, file VARCHAR(4096), detected_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        Meta.write(connection, "schema_version", "3");
        if (from > 1) {
            LOG.info("Journal upgraded to version 3: tournament summaries are recorded; those already in the"
                    + " history folders are history on this start");
        }
    }

    /** The {@code meta} table: named values of the journal itself. */
    static final class Meta {
        private Meta() {
        }

        static java.util.Optional<String> read(Connection connection, String name) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement("SELECT val FROM meta WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.empty();
                }
            }
        }

        static void write(Connection connection, String name, String value) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(Dialect.of(connection).upsertMeta())) {
                s.setString(1, name);
                s.setString(2, value);
                s.executeUpdate();
            }
        }
    }
}
