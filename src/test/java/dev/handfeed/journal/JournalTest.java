package dev.handfeed.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal on a real H2 file: events kept for replay, their retention, summary entries, and the upgrades of
 * older journals.
 */
class JournalTest {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    @TempDir
    Path data;

    static List<JournalEntry> news(Journal journal, int count, Instant at) {
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = journal.nextEventId();
            entries.add(new JournalEntry("hand-" + id, id, "t.txt", at, "new_hand", "{\"event_id\":" + id + "}"));
        }
        return entries;
    }

    @Test
    void eventsAreKeptInOrderExactlyAsSentAndTheStreamStaysAcrossRestarts() {
        String stream;
        try (Journal journal = Journal.open(data)) {
            stream = journal.streamId();
            assertNotNull(stream);
            assertEquals(0, journal.lastEventId());
            List<JournalEntry> entries = new ArrayList<>(news(journal, 3, AT));
            entries.add(JournalEntry.history("old-hand", "t.txt", AT));
            journal.commit("t.txt", new FilePosition(null, null, 100, 9), entries);
            assertEquals(3, journal.lastEventId());
            assertEquals(List.of(new StoredEvent(2, "new_hand", "{\"event_id\":2}"),
                    new StoredEvent(3, "new_hand", "{\"event_id\":3}")), journal.events().after(1, 10));
        }
        try (Journal journal = Journal.open(data)) {
            assertEquals(stream, journal.streamId());
            assertEquals(3, journal.lastEventId());
            assertEquals(4, journal.nextEventId());
        }
    }

    @Test
    void retentionKeepsTheNewestAndRaisesTheWatermarkIdsAreNeverReused() {
        try (Journal journal = Journal.open(data)) {
            journal.commit("t.txt", FilePosition.START, news(journal, 6, AT));
            journal.commit("t.txt", FilePosition.START, news(journal, 4, AT.plusSeconds(3600)));
            assertEquals(new Purge(6, 6), journal.events().purge(4, AT.minusSeconds(1)));
            assertEquals(4, journal.events().count());
            assertEquals(7, journal.events().after(0, 10).get(0).eventId(), "reads start after the watermark");
            assertEquals(new Purge(0, 6), journal.events().purge(4, AT.minusSeconds(1)), "nothing more to do");
            assertEquals(new Purge(4, 10), journal.events().purge(100, AT.plusSeconds(7200)), "all too old");
        }
        try (Journal journal = Journal.open(data)) {
            assertEquals(10, journal.events().purgedThrough());
            assertEquals(10, journal.lastEventId());
            assertEquals(11, journal.nextEventId(), "purged ids are not given again");
        }
    }

    @Test
    void aJournalOfTheFirstVersionIsUpgradedWithItsEventsKept() throws Exception {
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("handfeed");
        try (Connection c = new org.h2.Driver().connect(url, new java.util.Properties());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (name VARCHAR(512) PRIMARY KEY, val VARCHAR(1024))");
            s.execute("CREATE TABLE files (path VARCHAR(4096) PRIMARY KEY, file_key VARCHAR(512),"
                    + " fingerprint VARCHAR(128), byte_offset BIGINT NOT NULL, line BIGINT NOT NULL)");
            s.execute("CREATE TABLE hands (hand_id VARCHAR(128) PRIMARY KEY, event_id BIGINT UNIQUE,"
                    + " file VARCHAR(4096), detected_at TIMESTAMP WITH TIME ZONE NOT NULL, payload CLOB)");
            s.execute("INSERT INTO hands VALUES ('old', NULL, 't.txt', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00Z', NULL)");
            s.execute("INSERT INTO hands VALUES ('a', 1, 't.txt', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00Z', '{\"n\":1}')");
            s.execute("INSERT INTO hands VALUES ('b', 2, 't.txt', TIMESTAMP WITH TIME ZONE '2026-01-01 10:01:00Z', '{\"n\":2}')");
            s.execute("INSERT INTO meta VALUES ('baseline:/h', 'true')");
        }
        String stream;
        try (Journal journal = Journal.open(data)) {
            stream = journal.streamId();
            assertEquals(2, journal.lastEventId());
            assertEquals(List.of(new StoredEvent(1, "new_hand", "{\"n\":1}"), new StoredEvent(2, "new_hand", "{\"n\":2}")),
                    journal.events().after(0, 10));
            assertEquals(true, journal.flag("baseline:/h"));
        }
        try (Journal journal = Journal.open(data)) {
            assertEquals(stream, journal.streamId(), "upgraded once: the stream stays");
            assertEquals(2, journal.events().count(), "and the events are not copied twice");
        }
    }

    @Test
    void aJournalOfTheSecondVersionIsUpgradedInPlaceToRecordSummaryEntries() throws Exception {
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("handfeed");
        try (Connection c = new org.h2.Driver().connect(url, new java.util.Properties());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (name VARCHAR(512) PRIMARY KEY, val VARCHAR(1024))");
            s.execute("CREATE TABLE files (path VARCHAR(4096) PRIMARY KEY, file_key VARCHAR(512),"
                    + " fingerprint VARCHAR(128), byte_offset BIGINT NOT NULL, line BIGINT NOT NULL)");
            s.execute("CREATE TABLE hands (hand_id VARCHAR(128) PRIMARY KEY, event_id BIGINT UNIQUE,"
                    + " file VARCHAR(4096), detected_at TIMESTAMP WITH TIME ZONE NOT NULL, payload CLOB)");
            s.execute("CREATE TABLE events (event_id BIGINT PRIMARY KEY, type VARCHAR(64) NOT NULL,"
                    + " detected_at TIMESTAMP WITH TIME ZONE NOT NULL, payload VARCHAR(1000000) NOT NULL)");
            s.execute("INSERT INTO meta VALUES ('schema_version', '2'), ('stream_id', 'stream-of-version-2'),"
                    + " ('baseline:/h', 'true')");
            s.execute("INSERT INTO hands VALUES ('a', 1, 't.txt', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00Z', NULL)");
            s.execute("INSERT INTO events VALUES (1, 'new_hand', TIMESTAMP WITH TIME ZONE '2026-01-01 10:00:00Z',"
                    + " '{\"n\":1}')");
        }
        try (Journal journal = Journal.open(data)) {
            assertEquals("stream-of-version-2", journal.streamId());
            assertEquals(1, journal.lastEventId());
            assertEquals(true, journal.flag("baseline:/h"));
            assertFalse(journal.knowsSummaryEntry("result:7/1/Hero"));
            long id = journal.nextEventId();
            journal.commitSummaryEntries("s.txt", List.of(
                    new SummaryRecord("result:7/1/Hero", id, "s.txt", AT, "tournament_result", "{\"n\":2}")));
            assertEquals(2, journal.lastEventId());
        }
        try (Journal journal = Journal.open(data)) {
            assertEquals(List.of(new StoredEvent(1, "new_hand", "{\"n\":1}"),
                    new StoredEvent(2, "tournament_result", "{\"n\":2}")), journal.events().after(0, 10));
            assertTrue(journal.knowsSummaryEntry("result:7/1/Hero"), "upgraded once: the entries stay");
        }
        try (Connection c = new org.h2.Driver().connect(url, new java.util.Properties())) {
            assertEquals("4", JournalSchema.Meta.read(c, "schema_version").orElseThrow(),
                    "brought to 3 in place, then on by the migrations");
        }
    }

    @Test
    void summaryEntriesOutliveTheirEventsAndTheirIdsAreNeverGivenAgain() {
        try (Journal journal = Journal.open(data)) {
            long id = journal.nextEventId();
            journal.commitSummaryEntries("x_summary.txt", List.of(
                    new SummaryRecord("result:1/1/Hero", id, "x_summary.txt", AT, "tournament_result", "{}"),
                    SummaryRecord.remembered("unreadable:8:x_summary.txt", "x_summary.txt", AT)));
            assertEquals(1, journal.lastEventId());
            assertEquals(new Purge(1, 1), journal.events().purge(0, AT.plusSeconds(1)));
        }
        try (Journal journal = Journal.open(data)) {
            assertTrue(journal.knowsSummaryEntry("result:1/1/Hero"), "still known after its event was purged");
            assertTrue(journal.knowsSummaryEntry("unreadable:8:x_summary.txt"));
            assertFalse(journal.knowsSummaryEntry("result:1/2/Hero"));
            assertEquals(2, journal.nextEventId());
        }
    }

    @Test
    void anEntryAndItsEventAreRecordedTogetherOrNotAtAll() {
        try (Journal journal = Journal.open(data)) {
            journal.commitSummaryEntries("x_summary.txt", List.of(
                    SummaryRecord.remembered("result:1/1/Hero", "x_summary.txt", AT)));
            long id = journal.nextEventId();
            List<SummaryRecord> clash = List.of(
                    new SummaryRecord("result:1/2/Hero", id, "x_summary.txt", AT, "tournament_result", "{}"),
                    SummaryRecord.remembered("result:1/1/Hero", "x_summary.txt", AT));
            assertThrows(JournalException.class, () -> journal.commitSummaryEntries("x_summary.txt", clash));
            assertFalse(journal.knowsSummaryEntry("result:1/2/Hero"));
            assertEquals(0, journal.events().count());
            assertEquals(0, journal.lastEventId());
        }
    }

    @Test
    void aNewJournalIsANewStream() {
        String first;
        try (Journal journal = Journal.open(data.resolve("one"))) {
            first = journal.streamId();
        }
        try (Journal journal = Journal.open(data.resolve("two"))) {
            assertNotEquals(first, journal.streamId());
        }
    }

    @Test
    void anInterruptedThreadNeitherFailsNorCorruptsTheJournal() {
        try (Journal journal = Journal.open(data)) {
            Thread.currentThread().interrupt(); // as the container does to its threads when it stops
            journal.commit("t.txt", FilePosition.START, news(journal, 3, AT));
            assertEquals(3, journal.events().after(0, 10).size());
            Thread.currentThread().interrupt();
            journal.commit("t.txt", FilePosition.START, news(journal, 2, AT));
        } finally {
            Thread.interrupted();
        }
        try (Journal journal = Journal.open(data)) {
            assertEquals(5, journal.lastEventId());
            assertEquals(5, journal.events().count());
        }
    }
}
