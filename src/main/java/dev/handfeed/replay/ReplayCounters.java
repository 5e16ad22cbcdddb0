package dev.handfeed.replay;

import dev.handfeed.wire.ReplayGap;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.EnumMap;
import java.util.Map;

/**
 * What replays did since start: completed, cut short, gaps by reason, and the events they sent; in the application's
 * meter registry, so {@code /ws/stats} and {@code /metrics} read the same numbers.
 */
public final class ReplayCounters {

    private final Counter completed;
    private final Counter failed;
    private final Counter events;
    private final Map<ReplayGap.Reason, Counter> gaps = new EnumMap<>(ReplayGap.Reason.class);

    ReplayCounters(MeterRegistry registry) {
        completed = replays(registry, "complete");
        failed = replays(registry, "failed");
        events = Counter.builder("handfeed.events.replayed").description("Events sent by replays").register(registry);
        for (ReplayGap.Reason reason : ReplayGap.Reason.values()) {
            gaps.put(reason, Counter.builder("handfeed.replay.gaps").tag("reason", reason.wire())
                    .description("replay_gap messages sent, by reason").register(registry));
        }
    }

    private static Counter replays(MeterRegistry registry, String outcome) {
        return Counter.builder("handfeed.replays").tag("outcome", outcome)
                .description("Replays ended: with replay_complete, or cut short (client gone or too slow, journal"
                        + " failure)").register(registry);
    }

    void completed(long eventsSent) {
        completed.increment();
        events.increment(eventsSent);
    }

    void failed(long eventsSent) {
        failed.increment();
        events.increment(eventsSent);
    }

    void gap(ReplayGap.Reason reason) {
        gaps.get(reason).increment();
    }

    public long completed() { return (long) completed.count(); }
    /** Replays that ended early: the client left or fell behind, or the journal failed. */
    public long failed() { return (long) failed.count(); }
    public long eventsReplayed() { return (long) events.count(); }
    public long gaps(ReplayGap.Reason reason) { return (long) gaps.get(reason).count(); }
}
