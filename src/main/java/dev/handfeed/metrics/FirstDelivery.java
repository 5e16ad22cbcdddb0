package dev.handfeed.metrics;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells which write of a hand is the first to any client, without a flag per hand: hands are numbered and each
 * client receives them in order, so a hand is new when it was seen later than the last one claimed (or seen in
 * the same read, with a higher event id). Seen times are {@code System.nanoTime()} values, compared by difference.
 * A client that joined between two hands and got only the second first could hide the first one's claim; that
 * costs one sample of the first-client histogram, never a wrong one.
 */
final class FirstDelivery {

    private record Mark(long seenNanos, long eventId) {
    }

    private final AtomicReference<Mark> last = new AtomicReference<>();

    /** True for exactly one caller per (seen time, event id), the first. */
    boolean claim(long seenNanos, long eventId) {
        while (true) {
            Mark mark = last.get();
            if (mark != null) {
                long later = seenNanos - mark.seenNanos();
                if (later < 0 || (later == 0 && eventId <= mark.eventId())) {
                    return false;
                }
            }
            if (last.compareAndSet(mark, new Mark(seenNanos, eventId))) {
                return true;
            }
        }
    }
}
