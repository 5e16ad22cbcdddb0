package dev.handfeed.load;

import dev.handfeed.testing.HandTexts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends hands to a new history file at a fixed rate, as Winamax does, one write per hand, noting the time just
 * before each write. The table id is new on every run, so the server has never seen these hands.
 */
final class HandWriter {

    private final Path file;
    private final long table = System.currentTimeMillis() / 1000;

    HandWriter(Path historyFolder) {
        this.file = historyFolder.resolve("20260101_Load " + table + "_real_holdem_no-limit.txt");
    }

    /** Writes {@code count} hands at {@code perSecond}; returns hand id to nanoTime just before its write. */
    Map<String, Long> write(int count, double perSecond) throws IOException {
        Map<String, Long> written = new LinkedHashMap<>();
        long period = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        long next = System.nanoTime();
        for (int n = 1; n <= count; n++) {
            byte[] hand = HandTexts.cash(table, n).getBytes(StandardCharsets.UTF_8);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            written.put(HandTexts.handId(table, n), System.nanoTime());
            Files.write(file, hand, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            next += period;
        }
        return written;
    }

    Path file() {
        return file;
    }
}
