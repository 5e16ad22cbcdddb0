package dev.handfeed.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
            journal.commit("t.txt", new FilePosition(null, null, 10, 2), JournalTest.news(journal, 2, java.time.Instant.now()));
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                JournalKillMain.class.getName(), data.toString(), "3").redirectErrorStream(true).start();
        String said;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("recorded"));
            said = line;
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
    void aLogWhoseRecordsAreAlreadyStoredIsNotStoredAgain() {
        try (Journal journal = Journal.open(data)) {
            journal.commit("t.txt", FilePosition.START, JournalTest.news(journal, 2, java.time.Instant.now()));
            journal.store();
        } // the log keeps its record (it is emptied at the next start): as after a kill between store and clear
        try (Journal journal = Journal.open(data)) {
            assertEquals(2, journal.events().count());
            assertEquals(2, journal.lastEventId());
        }
    }
}
