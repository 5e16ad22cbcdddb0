package dev.handfeed.replay;

import dev.handfeed.live.ResumePoint;
import dev.handfeed.wire.ReplayGap;

import java.util.Optional;

/**
 * What a resume gets, decided from the journal's identity, its newest event and its purge watermark, never from
 * holes in the ids (ids may skip numbers for other reasons).
 *
 * @param gap            why the replay cannot give everything after the requested id, if it cannot
 * @param after          the replay sends the stored events above this id
 * @param replays        false when nothing is replayed at all (another stream, or an id from the future)
 * @param firstAvailable the oldest event id still kept
 */
record ReplayPlan(Optional<ReplayGap.Reason> gap, long after, boolean replays, long firstAvailable) {

    static ReplayPlan decide(ResumePoint point, String streamId, long lastEventId, long purgedThrough) {
        long firstAvailable = purgedThrough + 1;
        long requested = point.lastEventId();
        if (point.streamId() != null && !point.streamId().equals(streamId)) {
            return new ReplayPlan(Optional.of(ReplayGap.Reason.UNKNOWN_STREAM), lastEventId, false, firstAvailable);
        }
        if (requested > lastEventId) {
            return new ReplayPlan(Optional.of(ReplayGap.Reason.FUTURE_EVENT_ID), lastEventId, false, firstAvailable);
        }
        if (requested < purgedThrough) {
            return new ReplayPlan(Optional.of(ReplayGap.Reason.RETENTION), purgedThrough, true, firstAvailable);
        }
        return new ReplayPlan(Optional.empty(), requested, true, firstAvailable);
    }
}
