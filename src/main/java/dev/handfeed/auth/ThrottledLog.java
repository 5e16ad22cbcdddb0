package dev.handfeed.auth;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Log lines caused by what clients do (a refused token, an abusive client closed): one short line each, at most
 * {@code perMinute} a minute. A flood of them costs the log a few lines a minute, not the disk; the next line written
 * says how many were left out.
 */
public final class ThrottledLog {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX_LINE = 300;

    private final Logger logger;
    private final int perMinute;
    private final LongSupplier clock;
    private long windowStart;
    private int written;
    private long suppressed;

    public ThrottledLog(Logger logger, int perMinute) {
        this(logger, perMinute, System::nanoTime);
    }

    ThrottledLog(Logger logger, int perMinute, LongSupplier clock) {
        this.logger = logger;
        this.perMinute = perMinute;
        this.clock = clock;
        this.windowStart = clock.getAsLong() - MINUTE;
    }

    public void log(Level level, Supplier<String> line) {
        if (!logger.isLoggable(level)) {
            return;
        }
        long left;
        synchronized (this) {
            long now = clock.getAsLong();
            if (now - windowStart >= MINUTE) {
                windowStart = now;
                written = 0;
            }
            if (written >= perMinute) {
                suppressed++;
                return;
            }
            written++;
            left = suppressed;
            suppressed = 0;
        }
        String text = line.get();
        String shown = text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + "..." : text;
        logger.log(level, left == 0 ? shown : shown + " (" + left + " similar lines left out before this one)");
    }
}
