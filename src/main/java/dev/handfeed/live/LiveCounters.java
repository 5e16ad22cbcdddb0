package dev.handfeed.live;

import java.util.concurrent.atomic.LongAdder;

/** Monotonic counters of the live feed, shared by the registry, the clients and the broadcaster. */
public final class LiveCounters {
    final LongAdder opened = new LongAdder();
    final LongAdder closed = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder slowDisconnects = new LongAdder();
    final LongAdder deadPeerDisconnects = new LongAdder();
    final LongAdder errorsSent = new LongAdder();
    final LongAdder eventsDropped = new LongAdder();
    final LongAdder rejectedOrigins = new LongAdder();

    public long opened() { return opened.sum(); }
    public long closed() { return closed.sum(); }
    public long sent() { return sent.sum(); }
    public long dropped() { return dropped.sum(); }
    public long slowDisconnects() { return slowDisconnects.sum(); }
    public long deadPeerDisconnects() { return deadPeerDisconnects.sum(); }
    public long errorsSent() { return errorsSent.sum(); }
    /** Events the broadcaster could not queue (only heartbeats may be dropped; hands wait for room). */
    public long eventsDropped() { return eventsDropped.sum(); }
    public long rejectedOrigins() { return rejectedOrigins.sum(); }
}
