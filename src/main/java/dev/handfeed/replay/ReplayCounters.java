package dev.handfeed.replay;

import dev.handfeed.wire.ReplayGap;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** What replays did since start: completed, cut short by a gap (by reason), and the events they sent. */
public final class ReplayCounters {

    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder events = new LongAdder();
    private final Map<ReplayGap.Reason, LongAdder> gaps = new EnumMap<>(ReplayGap.Reason.class);

    ReplayCounters() {
        for (ReplayGap.Reason reason : ReplayGap.Reason.values()) {
            gaps.put(reason, new LongAdder());
        }
    }

    void completed(long eventsSent) {
        completed.increment();
        events.add(eventsSent);
    }

    void failed(long eventsSent) {
        failed.increment();
        events.add(eventsSent);
    }

    void gap(ReplayGap.Reason reason) {
        gaps.get(reason).increment();
    }

    public long completed() { return completed.sum(); }
    /** Replays that ended early: the client left or fell behind, or the journal failed. */
    public long failed() { return failed.sum(); }
    public long eventsReplayed() { return events.sum(); }
    public long gaps(ReplayGap.Reason reason) { return gaps.get(reason).sum(); }
}
