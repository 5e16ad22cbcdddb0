package dev.handfeed.live;

import dev.handfeed.wire.Encoded;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * The broadcast lanes as one. A message goes to the lanes that have clients; the publisher serves the first of those
 * that is idle on its own thread (see {@link FanOutLane}) and queues to the others. A lane without clients is passed
 * over: nothing queued and no worker woken, and a lone client gets its hand from the publisher's thread whichever
 * lane it is in.
 * <p>
 * Passing over an empty lane costs no client an event. An event is recorded in the journal before it is published,
 * and a client is counted in its lane before it is registered and acknowledged with the journal's newest event id;
 * so a client whose lane was seen empty at publication is acknowledged with this event counted, or resumes and has
 * it replayed from the journal.
 */
final class Lanes {

    private final List<FanOutLane> lanes;
    private final IntPredicate occupied;

    /** @param lanes lane {@code i} at index {@code i}; {@code occupied} tells whether lane {@code i} has clients */
    Lanes(List<FanOutLane> lanes, IntPredicate occupied) {
        this.lanes = List.copyOf(lanes);
        this.occupied = occupied;
    }

    /** Queues in every lane that has clients unless its queue is full; false when one was. */
    boolean offer(Encoded message) {
        boolean queued = true;
        for (int i = 0; i < lanes.size(); i++) {
            if (occupied.test(i)) {
                queued &= lanes.get(i).offer(message);
            }
        }
        return queued;
    }

    /**
     * Queues in every lane that has clients, waiting for room: for events that must not be lost. The first idle one
     * is served on the caller's thread, after the others are queued so that their workers start at once.
     */
    void publish(Encoded message) throws InterruptedException {
        FanOutLane here = null;
        try {
            for (int i = 0; i < lanes.size(); i++) {
                if (!occupied.test(i)) {
                    continue;
                }
                FanOutLane lane = lanes.get(i);
                if (here == null && lane.tryClaim()) {
                    here = lane;
                } else {
                    lane.put(message);
                }
            }
        } finally {
            if (here != null) {
                here.sendClaimed(message); // also when interrupted: a claim must be given back
            }
        }
    }

    /** Events waiting, in the fullest lane. */
    int queueSize() {
        return lanes.stream().mapToInt(FanOutLane::size).max().orElse(0);
    }

    /** True while an event or heartbeat is queued or being sent in some lane. */
    boolean isBusy() {
        for (FanOutLane lane : lanes) {
            if (lane.isBusy()) {
                return true;
            }
        }
        return false;
    }

    /** True while every lane has its worker running. */
    boolean isActive() {
        return lanes.stream().allMatch(FanOutLane::isRunning);
    }

    List<FanOutLane> all() {
        return lanes;
    }
}
