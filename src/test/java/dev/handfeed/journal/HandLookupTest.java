package dev.handfeed.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Journal#contains}, answered by the hands' prints when they prove a hand new and by the database otherwise:
 * recorded, stored, reopened, and a new hand whose print an old one has.
 */
class HandLookupTest {

    private static final Instant AT = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path data;

    @Test
    void aHandIsKnownFromItsRecordOnAndAfterEveryRestart() {
        try (Journal journal = Journal.open(data)) {
            assertFalse(journal.contains("hand-1"));
            journal.commit("t.txt", new FilePosition(null, null, 10, 1), List.of(
                    new JournalEntry("hand-1", journal.nextEventId(), "t.txt", AT, "new_hand", "{\"event_id\":1}"),
                    JournalEntry.history("old-hand", "t.txt", AT)));
            assertTrue(journal.contains("hand-1"), "recorded in the log, not yet in the database");
            assertTrue(journal.contains("old-hand"), "history is recorded too");
            journal.store();
            assertTrue(journal.contains("hand-1"));
        }
        try (Journal journal = Journal.open(data)) {
            assertTrue(journal.contains("hand-1"), "the prints are loaded from the database");
            assertTrue(journal.contains("old-hand"));
            assertFalse(journal.contains("hand-2"));
        }
    }

    @Test
    void aNewHandSharingAnOldOnesPrintIsStillNew() {
        assertEquals("hand-Aa".hashCode(), "hand-BB".hashCode());
        try (Journal journal = Journal.open(data)) {
            journal.commit("t.txt", FilePosition.START, List.of(
                    new JournalEntry("hand-Aa", journal.nextEventId(), "t.txt", AT, "new_hand", "{\"event_id\":1}")));
            assertFalse(journal.contains("hand-BB"), "before the store: the database is asked");
            journal.store();
            assertFalse(journal.contains("hand-BB"));
            assertTrue(journal.contains("hand-Aa"));
        }
        try (Journal journal = Journal.open(data)) {
            assertFalse(journal.contains("hand-BB"));
            assertTrue(journal.contains("hand-Aa"));
        }
    }
}
