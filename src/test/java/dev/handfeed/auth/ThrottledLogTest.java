package dev.handfeed.auth;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThrottledLogTest {

    private final List<String> lines = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private final Logger logger = Logger.getAnonymousLogger();

    ThrottledLogTest() {
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void aFloodCostsAFewLinesAMinuteAndTheNextOneSaysHowManyWereLeftOut() {
        ThrottledLog log = new ThrottledLog(logger, 3, clock::get);
        for (int i = 0; i < 1_000; i++) {
            int n = i;
            log.log(Level.INFO, () -> "refused " + n);
        }
        assertEquals(List.of("refused 0", "refused 1", "refused 2"), lines);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(61));
        log.log(Level.INFO, () -> "refused again");
        assertEquals("refused again (997 similar lines left out before this one)", lines.get(3));
        log.log(Level.INFO, () -> "x".repeat(1_000));
        assertEquals(303, lines.get(4).length(), "one short line, whatever the text");
    }
}
