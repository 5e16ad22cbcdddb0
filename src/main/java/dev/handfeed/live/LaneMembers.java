package dev.handfeed.live;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many clients each broadcast lane has, so that a broadcast can pass over the lanes that have none. Lanes are
 * dealt in turn. A client is counted before it is registered and uncounted after it is removed, so a lane that
 * holds a registered client is never seen empty.
 */
final class LaneMembers {

    private final AtomicIntegerArray counts;
    private final AtomicLong dealt = new AtomicLong();

    LaneMembers(int lanes) {
        this.counts = new AtomicIntegerArray(lanes);
    }

    /** The lane of the next client, in turn; it counts once {@link #joined}. */
    int next() {
        return (int) Math.floorMod(dealt.getAndIncrement(), (long) counts.length());
    }

    void joined(int lane) {
        counts.incrementAndGet(lane);
    }

    void left(int lane) {
        counts.decrementAndGet(lane);
    }

    boolean occupied(int lane) {
        return counts.get(lane) > 0;
    }
}
