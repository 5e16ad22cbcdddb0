package dev.handfeed.replay;

import dev.handfeed.live.ResumePoint;
import dev.handfeed.wire.ReplayGap.Reason;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplayPlanTest {

    private static final String STREAM = "stream-a";

    @Test
    void aClientWithinTheKeptEventsGetsEverythingAfterItsId() {
        assertEquals(new ReplayPlan(Optional.empty(), 40, true, 11),
                ReplayPlan.decide(new ResumePoint(40, STREAM), STREAM, 100, 10));
        assertEquals(new ReplayPlan(Optional.empty(), 10, true, 11),
                ReplayPlan.decide(new ResumePoint(10, null), STREAM, 100, 10), "exactly at the watermark: no gap");
        assertEquals(new ReplayPlan(Optional.empty(), 100, true, 11),
                ReplayPlan.decide(new ResumePoint(100, STREAM), STREAM, 100, 10), "up to date: an empty replay");
    }

    @Test
    void olderThanTheWatermarkIsARetentionGapAndWhatIsKeptIsReplayed() {
        assertEquals(new ReplayPlan(Optional.of(Reason.RETENTION), 10, true, 11),
                ReplayPlan.decide(new ResumePoint(9, STREAM), STREAM, 100, 10));
        assertEquals(new ReplayPlan(Optional.of(Reason.RETENTION), 10, true, 11),
                ReplayPlan.decide(new ResumePoint(0, null), STREAM, 100, 10));
    }

    @Test
    void anotherStreamOrAnIdFromTheFutureReplaysNothing() {
        assertEquals(new ReplayPlan(Optional.of(Reason.UNKNOWN_STREAM), 100, false, 11),
                ReplayPlan.decide(new ResumePoint(40, "stream-b"), STREAM, 100, 10));
        assertEquals(new ReplayPlan(Optional.of(Reason.FUTURE_EVENT_ID), 100, false, 11),
                ReplayPlan.decide(new ResumePoint(101, STREAM), STREAM, 100, 10));
        assertEquals(new ReplayPlan(Optional.of(Reason.FUTURE_EVENT_ID), 0, false, 1),
                ReplayPlan.decide(new ResumePoint(5, null), STREAM, 0, 0), "a new journal has no event 5");
    }
}
