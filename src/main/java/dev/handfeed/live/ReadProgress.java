package dev.handfeed.live;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far behind a client is in reading, as proven by its pongs. A container may report a send as complete as soon
 * as it has buffered the frame (Payara's does), so completed sends say nothing about a client that stopped reading.
 * A pong does: it comes back only after the client has read every frame sent before the ping. Each ping remembers
 * how many messages had been offered before it; its pong confirms them.
 */
final class ReadProgress {

    private record Ping(long seq, long offeredBefore, long sentNanos) {
    }

    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong confirmed = new AtomicLong();
    private final AtomicLong pingSeq = new AtomicLong();
    private final Deque<Ping> outstanding = new ConcurrentLinkedDeque<>();
    private volatile long lastHeardNanos = System.nanoTime();
    private final long pingPeriodNanos;
    private volatile long lastPingNanos;

    /**
     * @param pingPeriodNanos how often at most this client is pinged. The period starts at a random point:
     *                        clients that connected together would otherwise all be pinged, and all answer, at once.
     */
    ReadProgress(long pingPeriodNanos) {
        this.pingPeriodNanos = pingPeriodNanos;
        this.lastPingNanos = System.nanoTime() - ThreadLocalRandom.current().nextLong(Math.max(1, pingPeriodNanos));
    }

    /** Counts one more message for the client unless it is already {@code limit} messages behind. */
    boolean tryOffer(long limit) {
        while (true) {
            long now = offered.get();
            if (now - confirmed.get() >= limit) {
                return false;
            }
            if (offered.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Registers a ping about to be queued; returns its sequence number, the ping's payload. */
    long ping(long nowNanos) {
        lastPingNanos = nowNanos;
        long seq = pingSeq.incrementAndGet();
        outstanding.add(new Ping(seq, offered.get(), nowNanos));
        return seq;
    }

    /** A pong carrying one of our sequence numbers confirms every message offered before that ping. */
    void pong(long seq) {
        Ping ping;
        while ((ping = outstanding.peek()) != null && ping.seq() <= seq) {
            outstanding.poll();
            long before = ping.offeredBefore();
            confirmed.accumulateAndGet(before, Math::max);
        }
        heard();
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    long silentNanos(long nowNanos) {
        return nowNanos - lastHeardNanos;
    }

    /** Messages offered and not yet confirmed read. */
    long behind() {
        return offered.get() - confirmed.get();
    }

    /** A ping is out and its pong has not come back. */
    boolean awaitingPong() {
        return !outstanding.isEmpty();
    }

    /** Messages wait for confirmation, none is being asked for, and the last ping is a ping period old. */
    boolean pingDue(long nowNanos) {
        return behind() > 0 && outstanding.isEmpty() && nowNanos - lastPingNanos >= pingPeriodNanos;
    }

    /** Age of the oldest unanswered ping, 0 when none is outstanding. */
    long oldestPingNanos(long nowNanos) {
        Ping ping = outstanding.peek();
        return ping == null ? 0 : nowNanos - ping.sentNanos();
    }
}
