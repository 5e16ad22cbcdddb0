package dev.handfeed.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal written before the schema was migrated by Flyway (schema version 3, as the previous release leaves it)
 * opens with every row where it was: baselined at 3, then migrated on. A new journal is created by the migrations.
 */
class JournalMigrationTest {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path data;

    @Test
    void aJournalOfTheLastReleaseIsBaselinedAtThreeAndKeepsEverything() throws Exception {
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("handfeed");
        try (Connection c = new org.h2.Driver().connect(url, new Properties())) {
            // Exactly what the previous release did on a first start, then its journal's rows.
            c.setAutoCommit(false);
            JournalSchema.createOrUpgrade(c);
            JournalSchema.Meta.write(c, "stream_id", "stream-of-the-last-release");
            JournalSchema.Meta.write(c, "baseline:/h", "true");
            JournalSchema.Meta.write(c, "purged_through", "2");
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO files VALUES ('/h/t.txt', 'inode-1', 'fp', 1234, 56)");
                s.execute("INSERT INTO hands VALUES ('old', NULL, '/h/t.txt', TIMESTAMP WITH TIME ZONE"
                        + " '2026-01-01 10:00:00Z', NULL)");
                for (int id = 3; id <= 5; id++) {
                    s.execute("INSERT INTO hands VALUES ('h" + id + "', " + id + ", '/h/t.txt', TIMESTAMP WITH TIME"
                            + " ZONE '2026-01-01 10:00:00Z', NULL)");
                    s.execute("INSERT INTO events VALUES (" + id + ", 'new_hand', TIMESTAMP WITH TIME ZONE"
                            + " '2026-01-01 10:00:00Z', '{\"n\":" + id + "}')");
                }
                s.execute("INSERT INTO summary_entries VALUES ('result:7/1/Hero', NULL, 's.txt', TIMESTAMP WITH"
                        + " TIME ZONE '2026-01-01 10:00:00Z')");
            }
            c.commit();
            assertFalse(JournalMigrations.hasTable(c, JournalMigrations.HISTORY_TABLE));
        }
        try (Journal journal = Journal.open(data)) {
            assertEquals("stream-of-the-last-release", journal.streamId());
            assertEquals(5, journal.lastEventId());
            assertEquals(2, journal.events().purgedThrough());
            assertEquals(List.of(new StoredEvent(3, "new_hand", "{\"n\":3}"), new StoredEvent(4, "new_hand",
                    "{\"n\":4}"), new StoredEvent(5, "new_hand", "{\"n\":5}")), journal.events().after(0, 10));
            assertEquals(new FilePosition("inode-1", "fp", 1234, 56), journal.position("/h/t.txt").orElseThrow());
            assertTrue(journal.contains("old") && journal.contains("h4"));
            assertTrue(journal.knowsSummaryEntry("result:7/1/Hero"));
            assertTrue(journal.flag("baseline:/h"));
            assertEquals(6, journal.nextEventId());
        }
        try (Connection c = new org.h2.Driver().connect(url, new Properties())) {
            assertEquals(List.of("3:BASELINE", "4:JDBC"), history(c));
            assertEquals("4", JournalSchema.Meta.read(c, "schema_version").orElseThrow());
        }
        try (Journal journal = Journal.open(data)) {
            assertEquals(3, journal.events().count(), "opened again: nothing migrated twice");
        }
    }

    @Test
    void aNewJournalIsCreatedByTheMigrations() throws Exception {
        try (Journal journal = Journal.open(data)) {
            assertEquals(0, journal.lastEventId());
            assertEquals(1, journal.nextEventId());
        }
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("handfeed");
        try (Connection c = new org.h2.Driver().connect(url, new Properties())) {
            assertEquals(List.of("3:JDBC", "4:JDBC"), history(c));
        }
    }

    static List<String> history(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT \"version\", \"type\" FROM \"" + JournalMigrations.HISTORY_TABLE
                        + "\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        return rows;
    }
}
