package dev.handfeed.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The embedded journal's log: what is appended reads back the same, and a record cut short or damaged ends it. */
class JournalLogTest {

    private static final Instant AT = Instant.parse("2026-11-01T10:00:00.123456789Z");

    @TempDir
    Path dir;

    private static LoggedCommit commit(long seq, String payload) {
        return new LoggedCommit("0b9f3c1e-5a7d", seq, "/h/20260101_Nice é_real_holdem_no-limit.txt",
                new FilePosition(seq == 1 ? null : "(dev=803,ino=12)", "64:0a1b", 100 * seq, 10 * seq),
                List.of(new JournalEntry("8765421-" + seq + "-1", seq, "/h/t.txt", AT, "new_hand", payload),
                        JournalEntry.history("8765421-" + seq + "-0", "/h/t.txt", AT)));
    }

    @Test
    void recordsReadBackAsTheyWereAppendedAndAClearedLogIsEmpty() throws IOException {
        List<LoggedCommit> written = List.of(commit(1, "{\"player\":\"Zoë ♠\"}"),
                commit(2, "{\"x\":\"" + "a".repeat(100_000) + "\"}"), // past writeUTF's 64 KB
                new LoggedCommit("0b9f3c1e-5a7d", 3, "/h/t.txt", FilePosition.START, List.of()));
        try (JournalLog log = JournalLog.open(dir.resolve("j.wal"))) {
            for (LoggedCommit c : written) {
                log.append(c);
            }
        }
        try (JournalLog log = JournalLog.open(dir.resolve("j.wal"))) {
            assertEquals(new JournalLog.Contents(written, 0), log.read());
            log.clear();
            assertEquals(new JournalLog.Contents(List.of(), 0), log.read());
            log.append(written.get(0));
            assertEquals(List.of(written.get(0)), log.read().commits(), "appending goes on after a clear");
        }
    }

    /** A log holding records 1 to {@code count}, as a server leaves it. */
    private Path logOf(int count) throws IOException {
        Path file = dir.resolve("j.wal");
        try (JournalLog log = JournalLog.open(file)) {
            for (int seq = 1; seq <= count; seq++) {
                log.append(commit(seq, seq == 1 ? "{}" : "{\"hand\":" + seq + "}"));
            }
        }
        return file;
    }

    @Test
    void aRecordCutShortAnywhereIsDroppedAndTheOnesBeforeItAreKept() throws IOException {
        Path file = logOf(2);
        byte[] whole = Files.readAllBytes(file);
        int first = commit(1, "{}").encode().length;
        for (int cut = first; cut < whole.length; cut++) { // every length a kill could leave
            Path torn = dir.resolve("torn-" + cut);
            Files.write(torn, java.util.Arrays.copyOf(whole, cut));
            try (JournalLog log = JournalLog.open(torn)) {
                assertEquals(new JournalLog.Contents(List.of(commit(1, "{}")), cut - first), log.read(), "cut at " + cut);
            }
        }
    }

    @Test
    void aDamagedRecordEndsWhatIsRead() throws IOException {
        Path file = logOf(3);
        int first = commit(1, "{}").encode().length;
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(first + LoggedCommit.HEADER + 20);
            int b = raw.read();
            raw.seek(first + LoggedCommit.HEADER + 20);
            raw.write(b ^ 0x40);
        }
        try (JournalLog log = JournalLog.open(file)) {
            JournalLog.Contents contents = log.read();
            assertEquals(List.of(commit(1, "{}")), contents.commits());
            assertEquals(Files.size(file) - first, contents.unreadable());
        }
    }
}
