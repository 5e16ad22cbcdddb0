package dev.handfeed.load;

import dev.handfeed.testing.HandTexts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Appends hands to a new history file at a fixed rate, as Winamax does, one write per hand, noting the time just
 * before each write. The table id is new on every run, so the server has never seen these hands.
 */
final class HandWriter {

    private final Path file;
    private final long table;

    HandWriter(Path historyFolder) {
        this(historyFolder, "Load", System.currentTimeMillis() / 1000);
    }

    /** Writers of one run are given tables of their own, so that their hands never collide. */
    HandWriter(Path historyFolder, String name, long table) {
        this.table = table;
        this.file = historyFolder.resolve("20260101_" + name + " " + table + "_real_holdem_no-limit.txt");
    }

    /** The start of every hand id of this run: {@code table-}. */
    String handPrefix() {
        return table + "-";
    }

    /** Writes {@code count} hands at {@code perSecond}; returns, for hand n at n - 1, nanoTime just before its write. */
    long[] write(int count, double perSecond) throws IOException {
        long[] written = new long[count];
        long period = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        long next = System.nanoTime();
        for (int n = 1; n <= count; n++) {
            byte[] hand = HandTexts.cash(table, n).getBytes(StandardCharsets.UTF_8);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            written[n - 1] = System.nanoTime();
            Files.write(file, hand, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            next += period;
        }
        return written;
    }

    Path file() {
        return file;
    }
}
