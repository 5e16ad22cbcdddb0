package dev.handfeed.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal killed with -9 after it recorded a read and before it wrote the read into the database: the next open
 * has the hands, their events and the file's offset, once.
 */
class JournalKillTest {

    @TempDir
    Path data;

    @Test
    void handsRecordedInTheLogSurviveAKillBeforeTheDatabaseAndAreStoredOnce() throws Exception {
        try (Journal journal = Journal.open(data)) {
            journal.commit("t.txt", new FilePosition(null, null, 10, 2), JournalTest.news(journal, 2, Instant.now()));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                JournalKillMain.class.getName(), data.toString(), "3").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> recorded = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.startsWith("recorded"));
                return line;
            } catch (java.io.IOException e) {
                return "unreadable: " + e;
            }
        });
        String said;
        try {
            said = recorded.get(120, TimeUnit.SECONDS); // a JVM start and an H2 open, on a busy machine
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child is gone");
        }
        assertEquals("recorded through 5", said);
        assertTrue(Files.size(data.resolve("handfeed.wal")) > 0, "the read was in the log when the child died");

        try (Journal journal = Journal.open(data)) {
            assertEquals(5, journal.lastEventId());
            assertEquals(5, journal.events().count());
            assertTrue(journal.contains("hand-5"));
            assertEquals(new FilePosition(null, null, 1000, 50), journal.position("t.txt").orElseThrow());
            assertEquals(6, journal.nextEventId());
        }
        assertEquals(0, Files.size(data.resolve("handfeed.wal")), "stored, the log is emptied");
        try (Journal journal = Journal.open(data)) {
            assertEquals(5, journal.events().count(), "stored once: opening again adds nothing");
        }
    }

    @Test
    void recordsAlreadyStoredOrOfAnotherJournalAreNotStored() throws Exception {
        String stream;
        List<JournalEntry> stored;
        try (Journal journal = Journal.open(data)) {
            stream = journal.streamId();
            stored = JournalTest.news(journal, 2, Instant.now());
            journal.commit("t.txt", FilePosition.START, stored);
            journal.store();
        }
        assertEquals(0, Files.size(data.resolve("handfeed.wal")), "a clean close leaves the log empty");
        // As a kill between the database's commit and the log's emptying would leave it; and a record of a journal
        // whose database was deleted since.
        try (JournalLog log = JournalLog.open(data.resolve("handfeed.wal"))) {
            log.append(new LoggedCommit(stream, 1, "t.txt", FilePosition.START, stored));
            log.append(new LoggedCommit("another-stream", 7, "t.txt", FilePosition.START, List.of(
                    new JournalEntry("hand-9", 9L, "t.txt", Instant.now(), "new_hand", "{\"event_id\":9}"))));
        }
        try (Journal journal = Journal.open(data)) {
            assertEquals(2, journal.events().count());
            assertEquals(2, journal.lastEventId());
            assertFalse(journal.contains("hand-9"));
        }
    }
}
